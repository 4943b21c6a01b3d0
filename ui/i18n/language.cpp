// Language: see language.h.
#include "i18n/language.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Language {
namespace {
QTranslator* appTranslator = nullptr;
QTranslator* qtTranslator = nullptr;
QString currentCode = QStringLiteral("en");
}  // namespace

QStringList available() { return {QStringLiteral("en"), QStringLiteral("de")}; }

QString nativeName(const QString& code) {
    const QLocale locale(code);
    const QString name = locale.nativeLanguageName();
    return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

QString apply(const QString& requested) {
    QString code = requested;
    if (code.isEmpty()) {
        code = QStringLiteral("en");
        for (const QString& ui : QLocale::system().uiLanguages()) {
            const QString lang = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0);
            if (available().contains(lang)) {
                code = lang;
                break;
            }
        }
    }
    auto* app = QCoreApplication::instance();
    if (!appTranslator) {
        appTranslator = new QTranslator(app);
        qtTranslator = new QTranslator(app);
    }
    QCoreApplication::removeTranslator(appTranslator);
    QCoreApplication::removeTranslator(qtTranslator);
    currentCode = QStringLiteral("en");
    if (code == QLatin1String("en")) {
        // English's own plural forms only: "%n run(s)" becomes "1 run", "2 runs".
        if (appTranslator->load(QStringLiteral(":/i18n/bertbench_en"))) QCoreApplication::installTranslator(appTranslator);
    } else if (appTranslator->load(QStringLiteral(":/i18n/bertbench_") + code)) {
        // Qt's own strings (standard dialog buttons) when the system has them.
        if (qtTranslator->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qtTranslator);
        QCoreApplication::installTranslator(appTranslator);
        currentCode = code;
    }
    QLocale::setDefault(QLocale(currentCode));
    // Installing translators only posts LanguageChange; deliver it now so the
    // whole window speaks the new language when apply() returns.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return currentCode;
}

QString current() { return currentCode; }

}  // namespace Language
