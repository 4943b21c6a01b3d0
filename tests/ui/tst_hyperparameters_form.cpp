// The Hyperparameters page built from the option schema: an editor of the
// right kind for every field, every value and preset surviving a trip through
// the form, the preset box following the values as the user edits them, and a
// German translation for every schema string.
#include "pages/hyperparameters_page.h"
#include "i18n/language.h"
#include "i18n/option_schema_strings.h"
#include "widgets/scientific_spin_box.h"
#include "i18n/training_presets.h"

#include "training/option_schema.h"
#include "training/training_presets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTranslator>
#include <QtTest>

#include "option_values.h"

using namespace bertbench;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString differences(const TrainingOptions& a, const TrainingOptions& b) {
    QStringList list;
    for (const auto& d : optionDifferences(a, b)) list << q(d.key + ": " + d.before + " -> " + d.after);
    return list.join(QStringLiteral("; "));
}

// Picks an item the way a user does with the keyboard: Home, then Down (each
// item passed on the way is chosen too), or End for the last one ("Custom").
void choosePreset(QComboBox* box, int index) {
    box->setFocus();
    if (index == box->count() - 1) {
        QTest::keyClick(box, Qt::Key_End);
        return;
    }
    QTest::keyClick(box, Qt::Key_Home);
    for (int i = 0; i < index; ++i) QTest::keyClick(box, Qt::Key_Down);
}

}  // namespace

class TestHyperparametersForm : public QObject {
    Q_OBJECT

private slots:
    void init() { page_ = std::make_unique<HyperparametersPage>(); }
    void cleanup() {
        page_.reset();
        Language::apply(QStringLiteral("en"));
    }

    void everyFieldHasAnEditor() {
        QStringList titles;
        for (auto* box : page_->findChildren<QGroupBox*>()) titles << box->title();
        QStringList groups;
        for (const auto& field : trainingOptionFields()) {
            if (!groups.contains(q(field.group))) groups << q(field.group);
            auto* editor = page_->findChild<QWidget*>(q(field.key));
            QVERIFY2(editor, field.key.c_str());
            QCOMPARE(editor->toolTip(), q(field.help));
            QVERIFY2(labelOf(q(field.key)) && labelOf(q(field.key))->toolTip() == q(field.help), field.key.c_str());
            switch (field.type) {
            case OptionType::Int: {
                auto* spin = qobject_cast<QSpinBox*>(editor);
                QVERIFY2(spin, field.key.c_str());
                if (field.range.min) QCOMPARE(double(spin->minimum()), *field.range.min);
                break;
            }
            case OptionType::Real: {
                auto* spin = qobject_cast<QDoubleSpinBox*>(editor);
                QVERIFY2(spin, field.key.c_str());
                QCOMPARE(qobject_cast<ScientificSpinBox*>(editor) != nullptr, field.spansDecades);
                if (field.range.max) QVERIFY(spin->maximum() <= *field.range.max);
                if (field.range.min) QVERIFY(spin->minimum() >= *field.range.min);
                break;
            }
            case OptionType::Bool:
                QVERIFY2(qobject_cast<QCheckBox*>(editor), field.key.c_str());
                break;
            case OptionType::Choice: {
                auto* combo = qobject_cast<QComboBox*>(editor);
                QVERIFY2(combo, field.key.c_str());
                QCOMPARE(combo->count(), int(field.choices.size()));
                for (const auto& choice : field.choices) {
                    const int i = combo->findData(q(choice.name));
                    QVERIFY2(i >= 0, choice.name.c_str());
                    QCOMPARE(combo->itemText(i), q(choice.label));
                }
                break;
            }
            case OptionType::StringList:
                QCOMPARE(editor->findChildren<QCheckBox*>().size(), qsizetype(field.choices.size()));
                break;
            case OptionType::String:
                QVERIFY2(qobject_cast<QComboBox*>(editor), field.key.c_str());
                break;
            }
        }
        QCOMPARE(titles, groups);
        QCOMPARE(labelOf(QStringLiteral("learning_rate"))->text(), QStringLiteral("Learning rate:"));
        QCOMPARE(labelOf(QStringLiteral("lora.rank"))->text(), QStringLiteral("LoRA rank:"));
    }

    void everyValueSurvivesTheForm_data() {
        QTest::addColumn<QString>("key");
        for (const auto& field : trainingOptionFields()) QTest::newRow(field.key.c_str()) << q(field.key);
    }
    void everyValueSurvivesTheForm() {
        QFETCH(QString, key);
        const OptionField* field = findOptionField(key.toStdString());
        TrainingOptions options;
        field->set(options, fixtures::otherValue(*field));
        QVERIFY(!optionDifferences(TrainingOptions{}, options).empty());
        page_->setOptions(options);
        QVERIFY2(optionDifferences(options, page_->options()).empty(), qPrintable(differences(options, page_->options())));
    }

    void everyPresetSurvivesTheForm() {
        auto* box = page_->findChild<QComboBox*>(QStringLiteral("presetCombo"));
        for (const auto& preset : trainingPresets()) {
            page_->setOptions(preset.options());
            QVERIFY2(optionDifferences(preset.options(), page_->options()).empty(),
                     qPrintable(differences(preset.options(), page_->options())));
            QCOMPARE(page_->shownPreset(), q(preset.id));
            QCOMPARE(box->currentText(), q(preset.name));
            QVERIFY(page_->isValid());
        }
        page_->setOptions(TrainingOptions{});
        QCOMPARE(page_->shownPreset(), QString());
        QCOMPARE(box->currentText(), QStringLiteral("Custom"));
    }

    void choosingAPresetSetsItsValues() {
        auto* box = page_->findChild<QComboBox*>(QStringLiteral("presetCombo"));
        page_->setOptions(TrainingOptions{});
        const QStringList ids = TrainingPresets::ids();
        for (int i = 0; i < ids.size(); ++i) {
            QSignalSpy changed(page_.get(), &HyperparametersPage::optionsChanged);
            choosePreset(box, i);
            QCOMPARE(page_->shownPreset(), ids[i]);
            const auto expected = presetOptions(ids[i].toStdString());
            QVERIFY2(optionDifferences(expected, page_->options()).empty(), qPrintable(differences(expected, page_->options())));
            QVERIFY(changed.count() > 0);
        }
        choosePreset(box, int(ids.indexOf(QStringLiteral("classic"))));
        QCOMPARE(page_->findChild<QComboBox*>(QStringLiteral("padding"))->currentData().toString(), QStringLiteral("max_length"));
        QCOMPARE(page_->findChild<QComboBox*>(QStringLiteral("shuffle"))->currentData().toString(), QStringLiteral("random"));
        choosePreset(box, int(ids.indexOf(QStringLiteral("fast-cpu"))));
        QCOMPARE(page_->findChild<QSpinBox*>(QStringLiteral("max_length"))->value(), 64);
        QCOMPARE(page_->findChild<QComboBox*>(QStringLiteral("padding"))->currentData().toString(), QStringLiteral("dynamic"));
        // "Custom" while the values are a preset's changes nothing, and the box keeps naming the preset.
        choosePreset(box, box->count() - 1);
        QCOMPARE(page_->shownPreset(), QStringLiteral("fast-cpu"));
        QCOMPARE(page_->findChild<QSpinBox*>(QStringLiteral("max_length"))->value(), 64);
    }

    void editingAValueShowsCustomAndBack() {
        auto* box = page_->findChild<QComboBox*>(QStringLiteral("presetCombo"));
        page_->applyPreset(QStringLiteral("fast-cpu"));
        QCOMPARE(page_->shownPreset(), QStringLiteral("fast-cpu"));
        auto* length = page_->findChild<QSpinBox*>(QStringLiteral("max_length"));
        length->setFocus();
        QTest::keyClick(length, Qt::Key_Up);
        QCOMPARE(length->value(), 65);
        QCOMPARE(page_->shownPreset(), QString());
        QCOMPARE(box->currentText(), QStringLiteral("Custom"));
        QTest::keyClick(length, Qt::Key_Down);
        QCOMPARE(page_->shownPreset(), QStringLiteral("fast-cpu"));
        QCOMPARE(box->currentText(), QStringLiteral("Fast CPU"));

        // A combo box edit, by its choice name.
        auto* padding = page_->findChild<QComboBox*>(QStringLiteral("padding"));
        padding->setCurrentIndex(padding->findData(QStringLiteral("max_length")));
        QCOMPARE(page_->shownPreset(), QString());
        QVERIFY(page_->options().padding == Padding::MaxLength);
        padding->setCurrentIndex(padding->findData(QStringLiteral("dynamic")));
        QCOMPARE(page_->shownPreset(), QStringLiteral("fast-cpu"));

        // A check box of a list.
        page_->applyPreset(QStringLiteral("lora"));
        auto* targets = page_->findChild<QWidget*>(QStringLiteral("lora.targets"));
        QVERIFY(targets->isEnabled());
        for (auto* check : targets->findChildren<QCheckBox*>())
            if (check->property("choice").toString() == QLatin1String("key")) check->click();
        QCOMPARE(page_->options().lora.targets, std::vector<std::string>({"query", "key", "value"}));
        QCOMPARE(page_->shownPreset(), QString());

        // The unfreezing interval and unit matter only with gradual unfreezing.
        auto* interval = page_->findChild<QWidget*>(QStringLiteral("unfreeze_interval"));
        auto* gradual = page_->findChild<QComboBox*>(QStringLiteral("gradual_unfreezing"));
        QVERIFY(interval && gradual);
        QVERIFY(!interval->isEnabled());
        gradual->setCurrentIndex(gradual->findData(QStringLiteral("layers")));
        QVERIFY(page_->options().gradualUnfreezing == GradualUnfreezing::Layers);
        QVERIFY(interval->isEnabled());
        QVERIFY(page_->findChild<QWidget*>(QStringLiteral("unfreeze_unit"))->isEnabled());
    }

    void invalidValuesAreExplained() {
        auto options = presetOptions("lora");
        options.headOnly = true;
        page_->setOptions(options);
        QVERIFY(!page_->isValid());
        QVERIFY(page_->validationMessage().contains(QStringLiteral("exclude each other")));
        auto* status = page_->findChild<QLabel*>(QStringLiteral("optionsStatus"));
        QCOMPARE(status->text(), page_->validationMessage());
    }

    void schemaStringsAreListedAndTranslated() {
        QStringList english;
        for (const auto& field : trainingOptionFields()) {
            english << q(field.group) << q(field.label) << q(field.help);
            if (field.type == OptionType::Choice)
                for (const auto& choice : field.choices) english << q(choice.label);
            if (!field.minimumMeaning.empty()) english << q(field.minimumMeaning);
        }
        const QStringList listed = OptionSchemaStrings::sources();
        for (const auto& text : english) QVERIFY2(listed.contains(text), qPrintable(QStringLiteral("not listed for lupdate: ") + text));

        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/bertbench_de")));
        for (const auto& text : listed)
            QVERIFY2(!german.translate("OptionSchema", text.toUtf8().constData()).isEmpty(), qPrintable(text));
        for (const auto& preset : trainingPresets())
            for (const auto& text : {preset.name, preset.description})
                QVERIFY2(!german.translate("TrainingPresets", text.c_str()).isEmpty(), text.c_str());
        for (const auto& field : trainingOptionFields()) {
            const QString label = german.translate("OptionSchema", field.label.c_str());
            QVERIFY2(label.size() <= 30, qPrintable(label));  // the form's label column stays narrow
        }
    }

    void theFormSpeaksGerman() {
        Language::apply(QStringLiteral("de"));
        auto* rate = page_->findChild<QWidget*>(QStringLiteral("learning_rate"));
        QCOMPARE(labelOf(QStringLiteral("learning_rate"))->text(), QStringLiteral("Lernrate:"));
        QCOMPARE(labelOf(QStringLiteral("max_length"))->text(), QStringLiteral("Max. Länge:"));
        QVERIFY(rate->toolTip().startsWith(QStringLiteral("Höchste AdamW-Lernrate")));
        page_->setOptions(TrainingOptions{});
        QCOMPARE(page_->findChild<QComboBox*>(QStringLiteral("presetCombo"))->currentText(), QStringLiteral("Benutzerdefiniert"));
        page_->applyPreset(QStringLiteral("fast-cpu"));
        QCOMPARE(page_->findChild<QComboBox*>(QStringLiteral("presetCombo"))->currentText(), QStringLiteral("Schnell auf CPU"));
        auto* padding = page_->findChild<QComboBox*>(QStringLiteral("padding"));
        QCOMPARE(padding->currentText(), QStringLiteral("dynamisch (pro Batch)"));
    }

private:
    // The form row's label of a field's editor.
    QLabel* labelOf(const QString& key) const {
        auto* editor = page_->findChild<QWidget*>(key);
        auto* form = editor ? qobject_cast<QFormLayout*>(editor->parentWidget()->layout()) : nullptr;
        return form ? qobject_cast<QLabel*>(form->labelForField(editor)) : nullptr;
    }

    std::unique_ptr<HyperparametersPage> page_;
};

QTEST_MAIN(TestHyperparametersForm)
#include "tst_hyperparameters_form.moc"
