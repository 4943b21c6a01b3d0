// placeholderPattern: see placeholder_pattern.h.
#include "i18n/placeholder_pattern.h"

QString placeholderPattern(const QString& text, const QRegularExpression& placeholders, bool capture) {
    const QString hole = capture ? QStringLiteral("(.*?)") : QStringLiteral(".+?");
    QString pattern;
    qsizetype last = 0;
    for (auto it = placeholders.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        pattern += QRegularExpression::escape(text.mid(last, m.capturedStart() - last)) + hole;
        last = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(text.mid(last));
    return QRegularExpression::anchoredPattern(pattern);
}
