// WelcomePage: what a first launch shows instead of an empty workbench — two
// bundled samples that each end in a run worth looking at, the user's own
// file, and a plain explanation of why a new model and a pretrained one
// behave so differently. It only says what was chosen; the main window loads.
#pragma once

#include <QWidget>

class QCommandLinkButton;
class QLabel;

class WelcomePage : public QWidget {
    Q_OBJECT

public:
    enum class Choice { TopicSample, ColaSample, OwnDataset };

    explicit WelcomePage(QWidget* parent = nullptr);

    // The pretrained model the CoLA choice would open ("" when the Hugging
    // Face cache holds none), so the card can say whether one must be brought.
    void setPretrainedModel(const QString& name);
    QString pretrainedModel() const { return pretrainedModel_; }
    QCommandLinkButton* button(Choice choice) const;

signals:
    void chosen(WelcomePage::Choice choice);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QString pretrainedModel_;
    QLabel *title_, *subtitle_, *explanationTitle_, *explanation_;
    QCommandLinkButton *topic_, *cola_, *own_;
};
