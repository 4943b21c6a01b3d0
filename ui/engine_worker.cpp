// EngineWorker: see engine_worker.h.
#include "engine_worker.h"

#include "common/errors.h"
#include "data/dataset_split.h"
#include "tokenizer/bert_tokenizer.h"

#include <QElapsedTimer>

using namespace bertbench;

void EngineWorker::guarded(const QString& what, const std::function<void()>& job) {
    try {
        job();
    } catch (const OperationCancelled&) {
        emit cancelled(what);
    } catch (const Error& e) {
        emit failed(what, QString::fromUtf8(e.what()));
    } catch (const std::exception& e) {
        emit failed(what, tr("Unexpected error: %1").arg(QString::fromUtf8(e.what())));
    }
}

void EngineWorker::importDataset(const ImportRequest& request, const QStringList& labels) {
    cancelImport_ = false;
    guarded(tr("Import %1").arg(request.path), [&] {
        ImportedData out;
        out.request = request;
        ImportOptions options = request.options;
        options.labelNames = toStdVector(labels);
        // Progress signals are throttled: a fast import would otherwise flood the GUI queue.
        QElapsedTimer sinceReport;
        sinceReport.start();
        options.progress = [&](double fraction) {
            if (sinceReport.elapsed() > 50) {
                emit progress(tr("Importing"), fraction);
                sinceReport.restart();
            }
            return !cancelImport_.load();
        };
        Dataset all = bertbench::importDataset(ss(request.path), options, &out.report);

        TokenLengthOptions lengthOptions;
        lengthOptions.maxLength = size_t(request.maxLength);
        lengthOptions.progress = [&](double) { return !cancelImport_.load(); };
        if (!request.model.isNull()) {
            // The current model's own tokenizer, so the statistics match what training sees.
            out.lengths = request.model.tokenLengthStats(all, lengthOptions);
            out.request.model = {};  // the imported data must not keep a replaced model alive
        } else if (!request.vocabPath.isEmpty()) {
            TokenizerOptions tokenizerOptions;
            tokenizerOptions.lowercase = request.lowercase;
            const auto tokenizer = BertTokenizer::fromFile(ss(request.vocabPath), tokenizerOptions);
            out.lengths = computeTokenLengthStats(all, tokenizer, lengthOptions);
        }
        if (!request.holdout && request.validationRatio > 0) {
            auto parts = splitTrainValidation(std::move(all), request.validationRatio, request.seed, request.stratified);
            out.train = std::make_shared<const Dataset>(std::move(parts.train));
            out.validation = std::make_shared<const Dataset>(std::move(parts.validation));
        } else {
            out.train = std::make_shared<const Dataset>(std::move(all));
        }
        emit datasetImported(out);
    });
}

void EngineWorker::openModel(const QString& folder, const QStringList& labels) {
    guarded(tr("Open model %1").arg(folder), [&] {
        LoadedModel out;
        out.handle = ModelHandle::openClassifier(ss(folder));
        out.summary = out.handle.summary();
        out.folder = folder;
        emit modelReady(out);
    });
}

void EngineWorker::createModel(const QString& preset, const QString& vocabPath, const QStringList& labels,
                               bool lowercase, quint64 seed) {
    guarded(tr("Create model"), [&] {
        LoadedModel out;
        out.handle = ModelHandle::createClassifier(ss(preset), ss(vocabPath), toStdVector(labels), lowercase, seed);
        out.summary = out.handle.summary();
        emit modelReady(out);
    });
}

void EngineWorker::saveModel(const ModelHandle& model, const QString& folder) {
    guarded(tr("Save model to %1").arg(folder), [&] {
        model.save(ss(folder));
        emit modelSaved(folder);
    });
}

void EngineWorker::evaluate(const ModelHandle& model, const DatasetPtr& data, const QString& split, int maxLength) {
    guarded(tr("Evaluate on %1").arg(split), [&] {
        if (!data) throw UsageError(ss(tr("There is no %1 data to evaluate on.").arg(split)));
        EvaluationOutcome out;
        out.split = split;
        out.data = data;
        out.result = evaluateModel(model, *data, size_t(maxLength));
        emit evaluated(out);
    });
}
