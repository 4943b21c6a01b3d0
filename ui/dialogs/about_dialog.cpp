// AboutDialog: see about_dialog.h.
#include "dialogs/about_dialog.h"

#include "widgets/vector_icon_engine.h"

#include "runtime/torch_runtime.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

QString AboutDialog::versionText() {
    return tr("BertBench %1<br>Qt %2 (built with %3)<br>%4")
        .arg(QStringLiteral(BERTBENCH_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             QString::fromStdString(bertbench::runtimeDescription()).toHtmlEscaped());
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About BertBench"));
    auto* icon = new QLabel(this);
    icon->setPixmap(VectorIconEngine::icon(QStringLiteral("app")).pixmap(96, 96));
    auto* text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setWordWrap(true);
    text->setText(QStringLiteral("<h2>BertBench</h2><p>") +
                  tr("A desktop workbench for fine-tuning BERT models: import a dataset, train on a worker thread "
                     "while watching live charts, classify sentences and inspect every attention head.") +
                  QStringLiteral("</p><p>") + versionText() + QStringLiteral("</p>"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}
