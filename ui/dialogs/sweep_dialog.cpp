// SweepDialog: see sweep_dialog.h.
#include "dialogs/sweep_dialog.h"

#include "i18n/engine_messages.h"
#include "i18n/option_schema_strings.h"
#include "session/workbench_types.h"
#include "training/option_schema.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace bertbench;

namespace {
// The options a sweep offers: the ones fine-tuning guides tell users to try.
const char* const kSwept[] = {"learning_rate", "head_learning_rate", "batch_size", "epochs", "warmup_ratio",
                              "weight_decay",  "freeze_layers",      "lora.rank",  "seed"};

const OptionField* field(const std::string& key) {
    for (const auto& f : trainingOptionFields())
        if (f.key == key) return &f;
    return nullptr;
}
}  // namespace

SweepDialog::SweepDialog(const TrainingOptions& base, const QString& baseName, const QString& folder, QWidget* parent)
    : QDialog(parent), base_(base) {
    setWindowTitle(tr("New sweep"));
    setObjectName(QStringLiteral("sweepDialog"));
    auto* intro = new QLabel(tr("Every run of the sweep starts from %1 with the options below; tick what to vary and "
                                "list its values, separated by commas.")
                                 .arg(baseName));
    intro->setWordWrap(true);

    auto* parameters = new QGroupBox(tr("Vary"));
    auto* grid = new QGridLayout(parameters);
    int r = 0;
    for (const char* key : kSwept) {
        const auto* f = field(key);
        if (!f) continue;
        QString label = OptionSchemaStrings::translated(f->label);
        if (!label.isEmpty()) label[0] = label[0].toUpper();
        Row row{f->key, f->flag.substr(2), new QCheckBox(label), new QLineEdit};
        row.use->setObjectName(QStringLiteral("sweepUse_%1").arg(qs(row.flag)));
        row.values->setObjectName(QStringLiteral("sweepValues_%1").arg(qs(row.flag)));
        row.values->setText(qs(f->toJson(f->get(base)).dump()));
        row.values->setEnabled(false);
        row.values->setToolTip(OptionSchemaStrings::translated(f->help));
        grid->addWidget(row.use, r, 0);
        grid->addWidget(row.values, r, 1);
        connect(row.use, &QCheckBox::toggled, row.values, &QWidget::setEnabled);
        connect(row.use, &QCheckBox::toggled, this, &SweepDialog::replan);
        connect(row.values, &QLineEdit::textChanged, this, &SweepDialog::replan);
        rows_.push_back(row);
        ++r;
    }

    auto* how = new QGroupBox(tr("Runs"));
    grid_ = new QRadioButton(tr("Every combination (grid)"));
    grid_->setChecked(true);
    random_ = new QRadioButton(tr("Combinations drawn at random:"));
    random_->setObjectName(QStringLiteral("sweepRandom"));
    trials_ = new QSpinBox;
    trials_->setRange(1, 1000);
    trials_->setValue(8);
    trials_->setSuffix(tr(" runs"));
    seed_ = new QSpinBox;
    seed_->setRange(0, 1'000'000);
    seed_->setPrefix(tr("seed "));
    auto* randomRow = new QHBoxLayout;
    randomRow->addWidget(random_);
    randomRow->addWidget(trials_);
    randomRow->addWidget(seed_);
    randomRow->addStretch(1);
    auto* howLayout = new QVBoxLayout(how);
    howLayout->addWidget(grid_);
    howLayout->addLayout(randomRow);
    for (auto* w : {static_cast<QObject*>(grid_), static_cast<QObject*>(random_)})
        connect(static_cast<QRadioButton*>(w), &QRadioButton::toggled, this, &SweepDialog::replan);
    connect(trials_, &QSpinBox::valueChanged, this, &SweepDialog::replan);
    connect(seed_, &QSpinBox::valueChanged, this, &SweepDialog::replan);

    folder_ = new QLineEdit(folder);
    folder_->setObjectName(QStringLiteral("sweepFolder"));
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the sweep"), folder_->text());
        if (!dir.isEmpty()) folder_->setText(dir);
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(new QLabel(tr("Folder:")));
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse);

    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("sweepSummary"));
    summary_->setWordWrap(true);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Start sweep"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(parameters);
    layout->addWidget(how);
    layout->addLayout(folderRow);
    layout->addWidget(summary_);
    layout->addWidget(buttons_);
    replan();
}

void SweepDialog::setValues(const std::string& key, const QString& values) {
    for (auto& row : rows_)
        if (row.key == key) {
            row.use->setChecked(true);
            row.values->setText(values);
        }
}

void SweepDialog::setRandom(int trials, int seed) {
    random_->setChecked(true);
    trials_->setValue(trials);
    seed_->setValue(seed);
}

void SweepDialog::setFolder(const QString& folder) { folder_->setText(folder); }
QString SweepDialog::folder() const { return folder_->text().trimmed(); }
QString SweepDialog::problem() const { return problem_; }

void SweepDialog::replan() {
    plan_.clear();
    problem_.clear();
    std::vector<SweepParameter> parameters;
    try {
        for (const auto& row : rows_) {
            if (!row.use->isChecked()) continue;
            QString values = row.values->text();
            values.remove(QLatin1Char(' '));
            parameters.push_back(parseSweepParameter(row.flag + "=" + ss(values)));
        }
        if (parameters.empty()) problem_ = tr("Tick at least one option to vary.");
        else plan_ = planSweep(base_, parameters, random_->isChecked() ? trials_->value() : 0, uint64_t(seed_->value()));
    } catch (const std::exception& e) {
        problem_ = EngineMessages::translate(qs(e.what()));
    }
    trials_->setEnabled(random_->isChecked());
    seed_->setEnabled(random_->isChecked());
    if (!problem_.isEmpty()) {
        summary_->setText(QStringLiteral("<span style='color:#b22222'>%1</span>").arg(problem_.toHtmlEscaped()));
    } else {
        summary_->setText(tr("%n run(s), one after the other. A stopped sweep continues from its last unfinished run "
                             "when started again with the same folder.",
                             nullptr, int(plan_.size())));
    }
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(problem_.isEmpty() && !plan_.empty());
}
