// WelcomePage: see welcome_page.h.
#include "pages/welcome_page.h"

#include <QCommandLinkButton>
#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("welcomePage"));
    title_ = new QLabel(this);
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title_->setFont(big);
    subtitle_ = new QLabel(this);
    subtitle_->setWordWrap(true);

    auto make = [this](const char* name, Choice choice) {
        auto* button = new QCommandLinkButton(this);
        button->setObjectName(QString::fromLatin1(name));
        connect(button, &QCommandLinkButton::clicked, this, [this, choice] { emit chosen(choice); });
        return button;
    };
    topic_ = make("topicSample", Choice::TopicSample);
    cola_ = make("colaSample", Choice::ColaSample);
    own_ = make("ownDataset", Choice::OwnDataset);

    auto* box = new QFrame(this);
    box->setFrameShape(QFrame::StyledPanel);
    auto* boxLayout = new QVBoxLayout(box);
    explanationTitle_ = new QLabel(box);
    QFont bold = explanationTitle_->font();
    bold.setBold(true);
    explanationTitle_->setFont(bold);
    explanation_ = new QLabel(box);
    explanation_->setObjectName(QStringLiteral("welcomeExplanation"));
    explanation_->setWordWrap(true);
    explanation_->setTextFormat(Qt::RichText);
    explanation_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    explanation_->setOpenExternalLinks(true);
    boxLayout->addWidget(explanationTitle_);
    boxLayout->addWidget(explanation_);

    // A readable column in the middle of a wide window, not lines across 1900 pixels.
    auto* column = new QWidget(this);
    column->setMaximumWidth(820);
    auto* layout = new QVBoxLayout(column);
    layout->addWidget(title_);
    layout->addWidget(subtitle_);
    layout->addSpacing(12);
    layout->addWidget(topic_);
    layout->addWidget(cola_);
    layout->addWidget(own_);
    layout->addSpacing(12);
    layout->addWidget(box);
    layout->addStretch(1);
    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(column, 6);
    outer->addStretch(1);
    retranslateUi();
}

void WelcomePage::setPretrainedModel(const QString& name) {
    pretrainedModel_ = name;
    retranslateUi();
}

QCommandLinkButton* WelcomePage::button(Choice choice) const {
    switch (choice) {
    case Choice::TopicSample: return topic_;
    case Choice::ColaSample: return cola_;
    case Choice::OwnDataset: return own_;
    }
    return nullptr;
}

void WelcomePage::retranslateUi() {
    title_->setText(tr("Welcome to BertBench"));
    subtitle_->setText(tr("Fine-tune BERT-family models on your own labelled text: import a dataset, train, then see "
                          "what the model predicts and where its attention goes. Start with a sample:"));
    topic_->setText(tr("Try topic classification with a new model"));
    topic_->setDescription(tr("AG News: 7,600 news articles in four topics (World, Sports, Business, Sci/Tech). A new "
                              "tiny model learns them from the words they use — about 85 % accuracy in a minute or "
                              "two on a laptop's CPU."));
    cola_->setText(tr("Fine-tune a pretrained BERT on CoLA — bring bert-base-uncased"));
    cola_->setDescription(
        pretrainedModel_.isEmpty()
            ? tr("CoLA: 8,551 sentences judged grammatical or not. Judging grammar takes a model that has read a lot "
                 "of English. No BERT model was found in the Hugging Face cache, so this starts with a new model — "
                 "see below how to bring one.")
            : tr("CoLA: 8,551 sentences judged grammatical or not. Uses %1 from your Hugging Face cache; BERT-base "
                 "reaches an MCC of about 0.55 here.")
                  .arg(pretrainedModel_));
    own_->setText(tr("Open your own dataset…"));
    own_->setDescription(tr("A TSV or CSV file with a text and a label column. You check the columns in a preview "
                            "before anything is imported."));
    explanationTitle_->setText(tr("New model or pretrained model?"));
    explanation_->setText(
        tr("<p>A <b>new model</b> starts from random weights and knows no language. It can learn which words go with "
           "a topic, but not grammar: on CoLA it ends up always answering the more common class. That is an "
           "<b>MCC of 0</b> — no better than chance — however high its accuracy looks.</p>"
           "<p>A <b>pretrained model</b> such as <i>bert-base-uncased</i> has read billions of words; fine-tuning "
           "adapts that knowledge to your labels. BertBench never downloads anything. If you have used "
           "<code>transformers</code>, the model is probably in your Hugging Face cache already and appears under "
           "<i>Open model</i>. Otherwise fetch it once with<br><code>python3 -c \"from transformers import "
           "AutoModel, AutoTokenizer; AutoTokenizer.from_pretrained('bert-base-uncased'); "
           "AutoModel.from_pretrained('bert-base-uncased')\"</code><br>or download its folder "
           "(config.json, model.safetensors, vocab.txt) from <a href=\"https://huggingface.co/bert-base-uncased\">"
           "huggingface.co/bert-base-uncased</a>.</p>"));
}

void WelcomePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}
