// Whether a visible text is English: equal to (or matching the pattern of) a
// source in translations/bertbench_de.ts whose German differs, or holding an
// unmistakably English word; data (label names, paths) excepted.
#pragma once

#include "i18n/placeholder_pattern.h"
#include "visible_texts.h"

namespace germanwalk {

inline QString patternOf(const QString& text) {
    static const QRegularExpression placeholder(QStringLiteral("%L?(\\d+|n)|%[pvm]"));
    if (!placeholder.match(text).hasMatch()) return {};
    return placeholderPattern(text, placeholder, /*capture=*/false);
}

// One <message> of the .ts file whose translation differs from its source.
struct Message {
    QString context;
    QString source;               // readable()
    QStringList translations;     // readable(), every numerus form
    QRegularExpression pattern;   // of source; invalid when it has no placeholder
    QList<QRegularExpression> translationPatterns;
    int fixedLength = 0;          // characters of the source outside its placeholders
};

inline QList<Message> translatedMessages(const QString& tsPath, QString* error) {
    QList<Message> messages;
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context, source;
    QStringList translations;
    bool obsolete = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name")) context = xml.readElementText();
            else if (xml.name() == QLatin1String("message")) translations.clear(), source.clear(), obsolete = false;
            else if (xml.name() == QLatin1String("source")) source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                obsolete = type == QLatin1String("obsolete") || type == QLatin1String("vanished");
                // A plain translation or numerusform children.
                QString text;
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters()) text += xml.text();
                    else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                        translations << xml.readElementText();
                    else if (xml.isEndElement() && xml.name() == QLatin1String("translation")) break;
                }
                if (translations.isEmpty()) translations << text;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (obsolete) continue;
            Message m;
            m.context = context;
            m.source = readable(source);
            // An empty (unfinished) translation leaves the English source on screen:
            // kept, with no German text to tell it from.
            for (const auto& t : translations)
                if (!t.trimmed().isEmpty()) m.translations << readable(t);
            if (m.translations.contains(m.source) || !hasLetters(m.source)) continue;
            if (const QString p = patternOf(m.source); !p.isEmpty()) {
                // Only a pattern whose fixed part says something in words.
                QString fixed = m.source;
                fixed.remove(QRegularExpression(QStringLiteral("%L?(\\d+|n)|%[pvm]")));
                if (hasLetters(fixed)) m.pattern = QRegularExpression(p, QRegularExpression::DotMatchesEverythingOption);
                m.fixedLength = int(fixed.size());
            }
            for (const auto& t : m.translations)
                if (const QString p = patternOf(t); !p.isEmpty())
                    m.translationPatterns << QRegularExpression(p, QRegularExpression::DotMatchesEverythingOption);
            messages << m;
        }
    }
    if (xml.hasError()) *error = xml.errorString();
    return messages;
}

// Words no German sentence of this UI uses (checked against the translations;
// "Training", "Import", "Start", "Attention", "Token(s)", "Label(s)", "Head(s)",
// "Batch", "Text", "Rate", "Format" and "was" are German here too).
inline const QSet<QString>& englishWords() {
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char* w :
             {"the", "and", "with", "of", "to", "for", "is", "are", "this", "that", "your", "not", "no", "new", "yet",
              "or", "on", "at", "by", "be", "it", "as", "than", "only", "when", "will", "has", "have", "can", "click",
              "press", "open", "save", "browse", "stop", "pause", "model", "models", "predict", "evaluate", "preview",
              "settings", "quit", "file", "files", "help", "load", "show", "choose", "export", "resume", "data", "step",
              "steps", "epoch", "epochs", "accuracy", "validation", "split", "examples", "example", "sentence",
              "sentences", "layer", "layers", "loss", "classes", "class", "run", "runs", "folder", "dataset", "column",
              "columns", "line", "lines", "row", "rows", "learning", "evaluation", "cancel", "close", "apply", "reset",
              "custom", "preset", "delimiter", "header", "comma", "none", "default"})
            set << QString::fromLatin1(w);
        return set;
    }();
    return words;
}

// Whole words only; a token joined by - _ . / \ (bert-base-uncased,
// in_domain_train.tsv, /tmp/...) is a name, not a word of the UI.
inline QStringList englishWordsIn(const QString& text) {
    static const QRegularExpression token(QStringLiteral("[\\p{L}\\p{N}_\\-./\\\\]+"));
    QStringList found;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const QString word = it.next().captured();
        if (englishWords().contains(word.toLower()) && !found.contains(word)) found << word;
    }
    return found;
}

struct Finding {
    Seen seen;
    QString why;
    QString source;  // the English source it equals or matches, if any
};

class EnglishCheck {
public:
    EnglishCheck(QList<Message> messages, QSet<QString> dataTexts)
        : messages_(std::move(messages)), data_(std::move(dataTexts)) {}

    QList<Finding> check(const QList<Seen>& seen, bool withWords) const {
        QList<Finding> findings;
        for (const auto& s : seen) {
            if (data_.contains(s.text) || QFileInfo(s.text).isAbsolute()) continue;
            // An exact source first; else the pattern with the most fixed text.
            QString source, why;
            int fixedLength = -1;
            for (const auto& m : messages_) {
                if (m.translations.contains(s.text)) continue;
                bool germanToo = false;
                for (const auto& p : m.translationPatterns) germanToo = germanToo || p.match(s.text).hasMatch();
                if (germanToo) continue;
                if (m.source == s.text) {
                    source = m.source;
                    why = QStringLiteral("equals the English source (%1)").arg(m.context);
                    break;
                }
                if (!m.pattern.pattern().isEmpty() && m.fixedLength > fixedLength && m.pattern.match(s.text).hasMatch()) {
                    fixedLength = m.fixedLength;
                    source = m.source;
                    why = QStringLiteral("matches the English source \"%1\" (%2)").arg(m.source, m.context);
                }
            }
            if (why.isEmpty() && withWords) {
                const QStringList words = englishWordsIn(s.text);
                if (!words.isEmpty()) why = QStringLiteral("English word(s): ") + words.join(QStringLiteral(", "));
            }
            if (!why.isEmpty()) findings << Finding{s, why, source};
        }
        return findings;
    }

private:
    QList<Message> messages_;
    QSet<QString> data_;
};

inline QString report(const QList<Finding>& findings) {
    QString text;
    for (const auto& f : findings)
        text += QStringLiteral("  [%1] %2: \"%3\" — %4\n").arg(f.seen.page, f.seen.where, f.seen.text, f.why);
    return text;
}

}  // namespace germanwalk
