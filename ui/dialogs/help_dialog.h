// HelpDialog: the bundled user guide (resources/help/<lang>/*.html, compiled in
// under :/help/) in a QTextBrowser with Back, Home and Close. The guide's
// language is fixed when the dialog is made: German for codes starting with
// "de", English otherwise. It keeps no state beyond its own lifetime, so it can
// be shown modelessly (show()) as well as with exec(); a page that does not
// exist opens the contents page instead.
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QPushButton;
class QTextBrowser;
class QUrl;

class HelpDialog : public QDialog {
    Q_OBJECT

public:
    // languageCode "" follows the system locale (QLocale().name()).
    explicit HelpDialog(const QString& languageCode, QWidget* parent = nullptr);

    // Opens a page of the guide by file name, optionally with an anchor:
    // "hyperparameters.html", "runs.html#cli".
    void showTopic(const QString& page);

    // ":/help/de" or ":/help/en", the resource folder of the guide's pages.
    static QString guideFolder(const QString& languageCode);

    QString folder() const { return folder_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    QUrl pageUrl(const QString& page) const;
    void retranslateUi();

    QString folder_;
    QTextBrowser* browser_;
    QPushButton* back_;
    QPushButton* home_;
    QDialogButtonBox* buttons_;
};
