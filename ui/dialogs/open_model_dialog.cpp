#include "dialogs/open_model_dialog.h"

#include "checkpoint/hub_cache.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

enum Column { Name, Family, Layers, Labels, Task, Size, ColumnCount };
constexpr int kFolderRole = Qt::UserRole;

QString qs(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

OpenModelDialog::OpenModelDialog(const QStringList& cacheFolders, const QStringList& recentFolders, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Open model"));
    explanation_ = new QLabel(this);
    explanation_->setWordWrap(true);
    explanation_->setText(tr("Models you already have: the BERT, DistilBERT and RoBERTa models in your Hugging Face "
                             "cache, and the folders you opened or saved recently. BertBench never downloads; "
                             "Browse… opens any other model folder."));
    models_ = new QTreeWidget(this);
    models_->setObjectName(QStringLiteral("modelList"));
    models_->setColumnCount(ColumnCount);
    models_->setHeaderLabels({tr("Model"), tr("Family"), tr("Layers"), tr("Labels"), tr("Task"), tr("Size")});
    models_->setRootIsDecorated(true);
    models_->setUniformRowHeights(true);
    browse_ = new QPushButton(tr("Browse…"), this);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    buttons_->addButton(browse_, QDialogButtonBox::ActionRole);
    buttons_->button(QDialogButtonBox::Open)->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation_);
    layout->addWidget(models_, 1);
    layout->addWidget(buttons_);

    connect(buttons_, &QDialogButtonBox::accepted, this, &OpenModelDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse_, &QPushButton::clicked, this, &OpenModelDialog::browse);
    connect(models_, &QTreeWidget::itemSelectionChanged, this, [this] {
        const auto* item = models_->currentItem();
        buttons_->button(QDialogButtonBox::Open)->setEnabled(item && !item->data(Name, kFolderRole).toString().isEmpty());
    });
    connect(models_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        if (!item->data(Name, kFolderRole).toString().isEmpty()) accept();
    });
    fill(cacheFolders, recentFolders);
}

void OpenModelDialog::fill(const QStringList& cacheFolders, const QStringList& recentFolders) {
    std::vector<std::string> folders;
    for (const auto& folder : cacheFolders) folders.push_back(folder.toStdString());
    const auto cached = bertbench::findCachedModels(folders);

    auto* cache = new QTreeWidgetItem(models_, {tr("In the Hugging Face cache")});
    cache->setToolTip(Name, cacheFolders.isEmpty() ? tr("No cache folder found") : cacheFolders.join(QLatin1Char('\n')));
    const QLocale locale;
    for (const auto& model : cached) {
        QStringList labels;
        for (const auto& label : model.labels) labels << qs(label);
        auto* item = new QTreeWidgetItem(cache, {qs(model.name), qs(model.family), QString::number(model.layers),
                                                 model.classifier ? labels.join(QStringLiteral(", ")) : QString(),
                                                 model.classifier ? tr("classifier") : tr("encoder / masked LM"),
                                                 locale.formattedDataSize(model.bytes)});
        item->setData(Name, kFolderRole, qs(model.folder));
        item->setToolTip(Name, qs(model.folder));
    }
    if (cached.empty())
        new QTreeWidgetItem(cache, {tr("none found (transformers keeps downloads in ~/.cache/huggingface/hub)")});

    auto* recent = new QTreeWidgetItem(models_, {tr("Recently used")});
    for (const auto& folder : recentFolders) {
        if (!QFileInfo(folder).isDir()) continue;  // moved or deleted since
        // A cached snapshot's folder is a revision hash: it is shown by its model's name.
        QString name = QFileInfo(folder).fileName();
        for (const auto& model : cached)
            if (QFileInfo(qs(model.folder)).canonicalFilePath() == QFileInfo(folder).canonicalFilePath()) name = qs(model.name);
        auto* item = new QTreeWidgetItem(recent, {name});
        item->setData(Name, kFolderRole, folder);
        item->setToolTip(Name, folder);
    }
    if (recent->childCount() == 0) new QTreeWidgetItem(recent, {tr("none yet")});
    models_->expandAll();
    int width = 0;
    for (int c = 0; c < ColumnCount; ++c) {
        models_->resizeColumnToContents(c);
        width += models_->columnWidth(c);
    }
    // Every column visible without scrolling (German headers are longer), within reason.
    resize(std::clamp(width + 60, 820, 1200), 460);
}

void OpenModelDialog::accept() {
    if (const auto* item = models_->currentItem()) chosen_ = item->data(Name, kFolderRole).toString();
    if (chosen_.isEmpty()) return;
    QDialog::accept();
}

void OpenModelDialog::browse() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open model folder"));
    if (folder.isEmpty()) return;
    chosen_ = folder;
    QDialog::accept();
}
