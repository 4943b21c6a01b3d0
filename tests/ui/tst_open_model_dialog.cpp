// The Open model dialog on a synthetic Hugging Face cache: cached BERT-family
// models listed with their family, layers, labels, task and size, recent
// folders beside them, a choice returning the snapshot folder that then opens.
#include "dialogs/open_model_dialog.h"
#include "hub_cache_layout.h"
#include "temp_folder.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QtTest>

#include <filesystem>

class TestOpenModelDialog : public QObject {
    Q_OBJECT

private:
    fixtures::TempFolder temp_{"open_model_dialog"};
    QString cache_;

    static QTreeWidgetItem* group(QTreeWidget* tree, int index) { return tree->topLevelItem(index); }

private Q_SLOTS:
    void initTestCase() {
        const auto cache = temp_.file("hub");
        fixtures::cacheModel(cache, "bert-base-uncased", "rev1", "tiny-bert-cola",
                             {"config.json", "vocab.txt", "tokenizer_config.json", "model.safetensors"});
        fixtures::writeMainRef(cache, "bert-base-uncased", "rev1");
        fixtures::cacheModel(cache, "distilbert-base-uncased", "rev2", "tiny-distilbert-mlm",
                             {"config.json", "vocab.txt", "model.safetensors"});
        cache_ = QString::fromStdString(cache);
    }

    void listsCachedAndRecentModels() {
        const QString recent = QString::fromStdString(fixtures::path("reference/tiny-roberta-cola"));
        OpenModelDialog dialog({cache_}, {recent, QStringLiteral("/no/such/folder")});
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("modelList"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 2);
        auto* cached = group(tree, 0);
        QCOMPARE(cached->childCount(), 2);
        const auto* bert = cached->child(0);
        QCOMPARE(bert->text(0), QStringLiteral("bert-base-uncased"));
        QCOMPARE(bert->text(1), QStringLiteral("BERT"));
        QCOMPARE(bert->text(2), QStringLiteral("2"));
        QCOMPARE(bert->text(3), QStringLiteral("unacceptable, acceptable"));
        QCOMPARE(bert->text(4), QStringLiteral("classifier"));
        QVERIFY(!bert->text(5).isEmpty());
        const auto* distil = cached->child(1);
        QCOMPARE(distil->text(1), QStringLiteral("DistilBERT"));
        QCOMPARE(distil->text(4), QStringLiteral("encoder / masked LM"));
        auto* recentGroup = group(tree, 1);
        QCOMPARE(recentGroup->childCount(), 1);  // the missing folder is left out
        QCOMPARE(recentGroup->child(0)->toolTip(0), recent);
    }

    void choosingACachedModelReturnsItsSnapshot() {
        OpenModelDialog dialog({cache_}, {});
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("modelList"));
        auto* open = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Open);
        QVERIFY(!open->isEnabled());
        tree->setCurrentItem(group(tree, 0));  // a group heading is no model
        QVERIFY(!open->isEnabled());
        tree->setCurrentItem(group(tree, 0)->child(0));
        QVERIFY(open->isEnabled());
        open->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(QFileInfo(dialog.folder()).fileName(), QStringLiteral("rev1"));
        QVERIFY(QFileInfo(dialog.folder() + "/config.json").exists());
    }

    void anEmptyCacheSaysWhereModelsWouldBe() {
        OpenModelDialog dialog({}, {});
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("modelList"));
        QCOMPARE(group(tree, 0)->childCount(), 1);
        QVERIFY(group(tree, 0)->child(0)->text(0).contains(QStringLiteral(".cache/huggingface/hub")));
    }
};

QTEST_MAIN(TestOpenModelDialog)
#include "tst_open_model_dialog.moc"
