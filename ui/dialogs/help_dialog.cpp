// HelpDialog: see help_dialog.h.
#include "dialogs/help_dialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace {
const QString kIndexPage = QStringLiteral("index.html");
}  // namespace

QString HelpDialog::guideFolder(const QString& languageCode) {
    const QString code = languageCode.isEmpty() ? QLocale().name() : languageCode;
    return code.startsWith(QLatin1String("de"), Qt::CaseInsensitive) ? QStringLiteral(":/help/de")
                                                                      : QStringLiteral(":/help/en");
}

HelpDialog::HelpDialog(const QString& languageCode, QWidget* parent)
    : QDialog(parent), folder_(guideFolder(languageCode)) {
    setModal(false);
    browser_ = new QTextBrowser(this);
    browser_->setObjectName(QStringLiteral("helpBrowser"));
    browser_->setSearchPaths({folder_});
    browser_->setOpenExternalLinks(true);  // the guide has none; any would go to the system browser
    back_ = new QPushButton(this);
    back_->setObjectName(QStringLiteral("helpBack"));
    back_->setEnabled(false);
    home_ = new QPushButton(this);
    home_->setObjectName(QStringLiteral("helpHome"));
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons_->addButton(back_, QDialogButtonBox::ActionRole);
    buttons_->addButton(home_, QDialogButtonBox::ActionRole);

    connect(back_, &QPushButton::clicked, browser_, &QTextBrowser::backward);
    connect(home_, &QPushButton::clicked, browser_, &QTextBrowser::home);
    connect(browser_, &QTextBrowser::backwardAvailable, back_, &QWidget::setEnabled);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(browser_, 1);
    layout->addWidget(buttons_);
    retranslateUi();
    resize(780, 620);
    browser_->setSource(pageUrl(kIndexPage));  // the first source is Home
}

QUrl HelpDialog::pageUrl(const QString& page) const {
    const QString file = page.section(QLatin1Char('#'), 0, 0);
    const QString anchor = page.section(QLatin1Char('#'), 1);
    const bool known = !file.isEmpty() && !file.contains(QLatin1String("..")) && QFile::exists(folder_ + QLatin1Char('/') + file);
    QUrl url(QStringLiteral("qrc") + folder_ + QLatin1Char('/') + (known ? file : kIndexPage));
    if (known && !anchor.isEmpty()) url.setFragment(anchor);
    return url;
}

void HelpDialog::showTopic(const QString& page) { browser_->setSource(pageUrl(page)); }

void HelpDialog::retranslateUi() {
    setWindowTitle(tr("BertBench user guide"));
    back_->setText(tr("Back"));
    back_->setToolTip(tr("The page shown before this one (Alt+Left)"));
    home_->setText(tr("Home"));
    home_->setToolTip(tr("The guide's contents (Alt+Up)"));
}

void HelpDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}
