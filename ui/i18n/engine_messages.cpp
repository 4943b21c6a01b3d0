// EngineMessages: see engine_messages.h.
//
// Covered (the templates below, in "EngineMessages" for lupdate): dataset
// import errors and skipped-row reasons (core/data: reader, columns, labels,
// splits), JSON and atomic file errors (core/common), model folders (missing
// config.json, vocab.txt or weights, unknown model_type and bad config fields,
// vocabulary and weight mismatches, damaged safetensors/PyTorch files, a save
// folder that already holds a model), the session's refusals, training start,
// progress and log lines (adaptation, new classifier heads, truncation, resume,
// early stopping, run folders, checkpoints, option problems, devices), and
// evaluation/prediction preconditions. Not covered, and so shown in English:
// tokenizer.json, vocab.json and merges.txt details, safetensors entry details,
// torch archive/pickle damage, presets and internal UsageErrors the GUI cannot
// reach, cancellation messages (the GUI words those itself) and any text
// LibTorch, nlohmann::json or the C library produce (strerror), which arrives
// as an argument and is kept as it is.
//
// Nested phrase groups: r a column's role, c a column description, k a missing
// column, u "column"/"columns", s a split, a what a busy session refuses,
// w the range an option must lie in, t an option named in a problem, f/p
// parenthesised suffixes, i the model in memory as a weights source.
// First match wins, so a specific template comes before a general one.
#include "i18n/engine_messages.h"

#include "i18n/placeholder_pattern.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace EngineMessages {
namespace {

constexpr char kContext[] = "EngineMessages";

const std::vector<Template> kCatalogue = {
    // Dataset import (core/data)
    {0, QT_TRANSLATE_NOOP("EngineMessages", "%1; turn on skip bad rows (--skip-bad-rows) to import the rest and list such rows"), "*"},  // before the reasons it follows
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the file is empty; a header row was expected"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "no data rows after the header"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the file has no rows"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "no usable rows; %1 skipped: first at line %2: %3"), "..*"},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "unknown label %1; the model knows: %2"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "label %1 is not one of %2"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the label column %1 has more than %2 distinct values; is it the right column?"), "c."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "only %1 %2; missing the %3"), ".U["},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "%1 columns, more than the header's %2 (is there an unquoted delimiter in a text?)"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "empty text"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "empty second text"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the text is not valid UTF-8"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "empty label"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the label is not valid UTF-8"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "an unlabelled import cannot also fix a label set (%1)"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the %1 column is given both by name and by index; give one"), "R"},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the %1 column %2 is beyond the header's %3 columns: %4"), "Rc.."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the %1 column is given by name (\"%2\") but the file has no header row; give its 0-based index"), "R."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "no %1 column \"%2\"; the header has %3"), "R.."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the header names more than one column \"%1\"; give the %2 column by index"), ".R"},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the %1 and %2 columns are the same column %3"), "RRc"},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "a line break cannot be the field delimiter"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "'\"' cannot be the field delimiter while quoting is on"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "is a folder, not a data file"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot open the file: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "reading the file failed"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot go back in the file to read on after a malformed row"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "a quoted field starting on this line is never closed"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "unexpected character after a closing quote (a quote inside a quoted field must be doubled: \"\")"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "negative label %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the validation ratio must be at least 0 and below 1, not %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "a validation ratio of %1 leaves none of the %2 examples for training"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "a stratified split keeps class shares, but %1 has no labels (it was imported without a label column); split it without stratifying"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "label %1 is not one the model knows (%2); replace the classifier head to train on this data's labels"), ".."},

    // JSON and file writing (core/common)
    {0, QT_TRANSLATE_NOOP("EngineMessages", "nested more than %1 levels deep"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "invalid JSON: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "is a folder, not a JSON file"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "%1 MB is too large for a JSON file here (at most %2 MB)"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot open: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot read the file"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "writing failed: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot replace the file: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot move the old folder aside: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot move the new folder into place: %1"), "."},

    // Model folders (core/checkpoint, core/model, core/tokenizer)
    {0, QT_TRANSLATE_NOOP("EngineMessages", "not a folder (a model is a Hugging Face model folder)"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "missing: the model folder has no config.json"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "has %1 tokens but config.json's vocab_size is %2: the vocabulary does not belong to this model"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "describes a model of %1 parameters, but %2 holds %3: the configuration does not belong to these weights"), "..."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "no weights: expected model.safetensors or pytorch_model.bin in the folder"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot create the folder: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "has no tokenizer: expected vocab.txt (BERT, DistilBERT), vocab.json and merges.txt (RoBERTa), or tokenizer.json"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "missing: the model folder has no vocab.txt, so its text cannot be tokenized"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "missing: a byte-level BPE tokenizer needs vocab.json and merges.txt"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "missing: vocab.json is a byte-level BPE vocabulary, which needs merges.txt beside it"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "must be a JSON object"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "a field has the wrong type: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot open the weights file"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "not a zip-format torch.save file (PyTorch >= 1.6); the legacy format is not supported: re-save it with a current PyTorch or as model.safetensors"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot read the PyTorch checkpoint: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the checkpoint is not a state dict (name -> tensor)"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "none of its %1 tensors belongs to a %2 model%3"), "..f"},
    {'f', QT_TRANSLATE_NOOP("EngineMessages", " (first: '%1')"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "tensor '%1' has shape %2 but config.json implies %3"), "..."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "tensor '%1' is not floating point"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "tensor \"%1\" reaches beyond its storage: the checkpoint is damaged"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "truncated safetensors file: %1 bytes, shorter than the 8-byte header length"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "header length %1 reaches beyond the end of the file (%2 bytes): the file is truncated or not safetensors"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the header is not a JSON object"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "not a valid torch.save archive: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "config field \"model_type\" is \"%1\"; supported model types: bert, distilbert, roberta"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "config field \"model_type\" must be a string, not %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "config field \"position_embedding_type\" is \"%1\"; only \"absolute\" is supported"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "config field \"%1\" must be an integer, not %2"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "config field \"%1\" has the wrong type: %2"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "config field \"%1\" is %2; it must be 1..%3"), "..."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "config field \"%1\" is \"%2\"; supported: gelu, gelu_new, relu"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "config must be a JSON object"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "config: a model needs at least one label"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot open vocabulary file (not a file)"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot read vocabulary file"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "vocabulary is not valid UTF-8"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "vocabulary file is empty"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "vocabulary has no %1 token"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot open the merges file"), ""},

    // The session (core/session)
    {0, QT_TRANSLATE_NOOP("EngineMessages", "choose a folder to save the model in"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "is a file, not a folder"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "is not empty and holds no model; save into a new or an empty folder"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "%1 already holds a model; replace it?"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "The holdout %1 was removed: its label \"%2\" (line %3) is not among the new data's labels (%4)"), "...."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "label \"%1\" is not among the training data's labels (%2)"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "there is no model to save"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "open or create a model first"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "there is no %1 data to evaluate on"), "S"},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot %1 while a training run is active; stop it or wait until it ends"), "A"},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "a training run is already active; stop it first"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the current model has training that is not saved; save it first or discard it"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "import a training dataset first"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "this is a masked-LM model: adapt it, or open it as a classifier to fine-tune it"), ""},

    // Training (core/training, core/checkpoint/classifier_head)
    {0, QT_TRANSLATE_NOOP("EngineMessages", "Adapting the encoder to %1 (masked-LM training) before fine-tuning"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "The classifier now has the adapted encoder; its head and labels are unchanged"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "Some weights of %1 were not initialized from the model checkpoint at %2 and are newly initialized because the shapes did not match:\n- %3.weight: found shape %4 in the checkpoint and %5 in the model instantiated\n- %6.bias: found shape %7 in the checkpoint and %8 in the model instantiated\nYou should probably TRAIN this model on a down-stream task to be able to use it for predictions and inference."), ".i......"},
    {'i', QT_TRANSLATE_NOOP("EngineMessages", "the model in memory"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "The classifier is not trained yet; it takes the data's labels: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "no model to train"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "max length %1 exceeds the model's maximum of %2 tokens"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "Tokenizing %1 ..."), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the training data has no examples"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "%1 of %2 examples in %3 are longer than %4 tokens and were truncated"), "...."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "The %1 data is too short to mask a token; it is not evaluated"), "S"},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "%1 already holds a run (settings.json): resume it, or overwrite it to start over"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "no checkpoint to resume from: the folder holds no run (no settings.json)"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot resume %1 with other settings than it started with:%2\nleave these out to continue with the run's own settings (settings.json)"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "Resuming at step %1 of %2"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "Training in %1 processes of %2 thread(s) each"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "Step %1: unfreezing %2"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "No checkpoint yet in %1; starting the run from the beginning"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "Stopped at step %1; the checkpoint can be resumed"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "Early stopping: %1 has not improved for %2 evaluations"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "training failed: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "%1 is in use by another training process%2; wait for it to end or choose another --out folder"), ".p"},
    {'p', QT_TRANSLATE_NOOP("EngineMessages", " (pid %1)"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot open the run folder's lock: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot create the run folder: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "damaged: not a JSON object"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "damaged: %1"), "*"},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot open for writing"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot write the checkpoint: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the checkpoint was written for other training settings (e.g. another LoRA setup)"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot read the optimizer or random state: %1"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "epochs must be at least 1 (or give max steps)"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "LoRA and head-only training exclude each other"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot freeze %1 layers: the model has %2"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "the chosen strategy leaves no parameter to train"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "device \"%1\" requested, but this LibTorch build or machine has no CUDA GPU"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "unknown device \"%1\"; use cpu or cuda"), "."},
    // Sweep parameters (core/experiments/sweep_plan.cpp), the general one last
    {0, QT_TRANSLATE_NOOP("EngineMessages", "--param %1: \"%2\" is not a whole number"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "--param %1: \"%2\" is not a number"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "--param %1: \"%2\" is not true or false"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "--param: no option is named \"%1\"; options: %2"), ".."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "--param %1: write NAME=VALUE,VALUE,... (e.g. lr=1e-5,3e-5)"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "--param %1: %2"), ".*"},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "%1 must be %2, not %3"), "TW."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "%1 is \"%2\"; use one of %3"), "T.."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "%1 has \"%2\"; use %3"), "T.."},
    {'t', QT_TRANSLATE_NOOP("EngineMessages", "training setting \"%1\" (%2)"), ".o"},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "cannot create %1: %2"), ".."},  // after "cannot create the ... folder"

    // Evaluation and prediction
    {0, QT_TRANSLATE_NOOP("EngineMessages", "evaluation needs a sequence-classification model"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "%1 has no examples to evaluate"), "."},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "no model to evaluate"), ""},
    {0, QT_TRANSLATE_NOOP("EngineMessages", "prediction needs a sequence-classification model"), ""},

    // Nested phrases
    {'r', QT_TRANSLATE_NOOP("EngineMessages", "text"), ""},
    {'r', QT_TRANSLATE_NOOP("EngineMessages", "label"), ""},
    {'r', QT_TRANSLATE_NOOP("EngineMessages", "second text"), ""},
    {'c', QT_TRANSLATE_NOOP("EngineMessages", "%1 (0-based)"), "."},
    {'k', QT_TRANSLATE_NOOP("EngineMessages", "%1 column %2"), "Rc"},
    {'u', QT_TRANSLATE_NOOP("EngineMessages", "column"), ""},
    {'u', QT_TRANSLATE_NOOP("EngineMessages", "columns"), ""},
    {'s', QT_TRANSLATE_NOOP("EngineMessages", "train"), ""},
    {'s', QT_TRANSLATE_NOOP("EngineMessages", "validation"), ""},
    {'s', QT_TRANSLATE_NOOP("EngineMessages", "holdout"), ""},
    {'s', QT_TRANSLATE_NOOP("EngineMessages", "test"), ""},
    {'a', QT_TRANSLATE_NOOP("EngineMessages", "import training data"), ""},
    {'a', QT_TRANSLATE_NOOP("EngineMessages", "import a holdout"), ""},
    {'a', QT_TRANSLATE_NOOP("EngineMessages", "open a model"), ""},
    {'a', QT_TRANSLATE_NOOP("EngineMessages", "create a model"), ""},
    {'a', QT_TRANSLATE_NOOP("EngineMessages", "save the model"), ""},
    {'a', QT_TRANSLATE_NOOP("EngineMessages", "evaluate"), ""},
    {'a', QT_TRANSLATE_NOOP("EngineMessages", "predict a file"), ""},
    {'w', QT_TRANSLATE_NOOP("EngineMessages", "%1 and %2"), "WW"},
    {'w', QT_TRANSLATE_NOOP("EngineMessages", "at least %1"), "."},
    {'w', QT_TRANSLATE_NOOP("EngineMessages", "at most %1"), "."},
    {'w', QT_TRANSLATE_NOOP("EngineMessages", "greater than %1"), "."},
    {'w', QT_TRANSLATE_NOOP("EngineMessages", "below %1"), "."},
};

struct Compiled {
    const Template* entry;
    QString source;
    QRegularExpression pattern;
};

// "only %1 %2; missing the %3" -> ^only (.*?) (.*?); missing the (.*?)$
QRegularExpression patternOf(const QString& source) {
    static const QRegularExpression placeholder(QStringLiteral("%[1-9]"));
    QRegularExpression re(placeholderPattern(source, placeholder, /*capture=*/true),
                          QRegularExpression::DotMatchesEverythingOption);
    re.optimize();
    return re;
}

const std::vector<Compiled>& compiled() {
    static const std::vector<Compiled> list = [] {
        std::vector<Compiled> out;
        out.reserve(kCatalogue.size());
        for (const auto& entry : kCatalogue) {
            const QString source = QString::fromUtf8(entry.source);
            out.push_back({&entry, source, patternOf(source)});
        }
        return out;
    }();
    return list;
}

// %1 … %9 of translation replaced by args in one pass, so that an argument
// holding "%2" stays as it is.
QString substitute(const QString& translation, const QStringList& args) {
    QString out;
    out.reserve(translation.size() + 64);
    for (qsizetype i = 0; i < translation.size(); ++i) {
        const QChar c = translation.at(i);
        if (c == QLatin1Char('%') && i + 1 < translation.size()) {
            const int n = translation.at(i + 1).digitValue();
            if (n >= 1 && n <= args.size()) {
                out += args.at(n - 1);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

// "a, b" -> a | b, but not inside double quotes: `text column "b, c"` is one item.
QStringList listItems(const QString& list) {
    QStringList items;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i) == QLatin1Char('"')) quoted = !quoted;
        if (!quoted && list.at(i) == QLatin1Char(',') && i + 1 < list.size() && list.at(i + 1) == QLatin1Char(' ')) {
            items << list.mid(start, i - start);
            start = i + 2;
        }
    }
    items << list.mid(start);
    return items;
}

struct Match {
    const Compiled* entry = nullptr;
    QString text;  // the translation with its arguments
};

Match find(const QString& text, char group);

// One argument translated as its kind says; false when a required phrase is missing.
bool argument(char kind, const QString& value, QString& out) {
    if (kind == '.') {
        out = value;
    } else if (kind == '*') {
        out = translate(value);
    } else if (kind == 'o') {
        out = QCoreApplication::translate("OptionSchema", value.toUtf8().constData());
    } else if (kind == '[') {
        // All items or none: a list split wrongly must not come back reordered.
        QStringList items = listItems(value);
        for (QString& item : items) {
            const Match m = find(item, 'k');
            if (!m.entry) {
                out = value;
                return true;
            }
            item = m.text;
        }
        out = items.join(QStringLiteral(", "));
    } else if (kind >= 'A' && kind <= 'Z') {
        const Match m = find(value, char(kind - 'A' + 'a'));
        if (!m.entry) return false;
        out = m.text;
    } else {
        const Match m = find(value, kind);
        out = m.entry ? m.text : value;
    }
    return true;
}

// The first entry of group that matches all of text.
Match find(const QString& text, char group) {
    for (const Compiled& c : compiled()) {
        if (c.entry->group != group) continue;
        const auto m = c.pattern.match(text);
        if (!m.hasMatch()) continue;
        QStringList args;
        bool ok = true;
        for (int i = 0; ok && c.entry->arguments[i]; ++i) {
            QString value;
            ok = argument(c.entry->arguments[i], m.captured(i + 1), value);
            args << value;
        }
        if (!ok) continue;
        const QString translation = QCoreApplication::translate(kContext, c.entry->source);
        // Untranslated (English, or a language without this entry): the text as it came.
        return {&c, translation == c.source ? text : substitute(translation, args)};
    }
    return {};
}

// A whole message, or the reason after a location "<path>[:<line>]: ".
Match findMessage(const QString& message, QString* location) {
    if (Match m = find(message, 0); m.entry) return m;
    for (qsizetype at = message.indexOf(QLatin1String(": ")); at > 0; at = message.indexOf(QLatin1String(": "), at + 2)) {
        const QString place = message.left(at);
        if (place.contains(QLatin1Char('\n'))) break;
        if (Match m = find(message.mid(at + 2), 0); m.entry) {
            *location = place;
            return m;
        }
    }
    return {};
}

}  // namespace

QString translate(const QString& englishMessage) {
    QString location;
    const Match m = findMessage(englishMessage, &location);
    if (!m.entry) return englishMessage;
    return location.isNull() ? m.text : location + QLatin1String(": ") + m.text;
}

QString splitName(const QString& split) {
    const Match m = find(split, 's');
    return m.entry ? m.text : split;
}

QString matchedTemplate(const QString& englishMessage) {
    QString location;
    const Match m = findMessage(englishMessage, &location);
    return m.entry ? m.entry->source : QString();
}

const std::vector<Template>& catalogue() { return kCatalogue; }

}  // namespace EngineMessages
