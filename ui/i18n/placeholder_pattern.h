// A regular expression for every text a message with placeholders can become:
// the message's own characters escaped, each placeholder standing for any
// text. The engine's translator (which placeholders to capture: %1 … %9) and
// the German walk's English check (%1, %n, %L1, … anywhere) both build theirs here.
#pragma once

#include <QRegularExpression>
#include <QString>

// The pattern, anchored at both ends; each placeholder becomes "(.*?)" when
// capture, ".+?" otherwise. `placeholders` says what a placeholder is.
QString placeholderPattern(const QString& text, const QRegularExpression& placeholders, bool capture);
