// OpenModelDialog: "Open model" shows where a user's models already are: the
// BERT-family models in the Hugging Face cache (name, family, layers, labels,
// whether it is a classifier, size on disk), the recently used folders, and
// Browse… for any other folder. Nothing is downloaded.
#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

class OpenModelDialog : public QDialog {
    Q_OBJECT

public:
    // cacheFolders: where to look (bertbench::hubCacheFolders() in the app).
    OpenModelDialog(const QStringList& cacheFolders, const QStringList& recentFolders, QWidget* parent = nullptr);

    QString folder() const { return chosen_; }  // the model folder chosen, once accepted

private:
    void fill(const QStringList& cacheFolders, const QStringList& recentFolders);
    void accept() override;
    void browse();

    QTreeWidget* models_;
    QLabel* explanation_;
    QDialogButtonBox* buttons_;
    QPushButton* browse_;
    QString chosen_;
};
