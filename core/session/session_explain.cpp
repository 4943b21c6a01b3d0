// The Session's explanation requests (session.h): attributions, head
// importance and pruning, attention compared with a second model.
#include "checkpoint/model_folder.h"
#include "explain/attention_comparison.h"
#include "explain/head_importance.h"
#include "explain/token_attributor.h"
#include "inference/random_state_scope.h"
#include "model/head_pruning.h"
#include "session/session_impl.h"
#include "training/evaluation.h"

#include <algorithm>

namespace bertbench {

Session::Reply<Attribution> Session::explain(ExplainRequest request, OnDone<Attribution> done) {
    return impl_->submit<Attribution>(
        [this, request = std::move(request)](uint64_t epoch) {
            const auto current = impl_->requiredModel();
            return TokenAttributor(current.bundle()).explain(request, impl_->progressFor("Explaining", epoch));
        },
        std::move(done), /*quick=*/true);
}

Session::Reply<HeadImportance> Session::headImportance(HeadImportanceRequest request, OnDone<HeadImportance> done) {
    // Gradients reach the head mask only and the random state is restored, so
    // like an attribution it is served between two training steps (the run
    // waits for it) and leaves the run bit-identical.
    return impl_->submit<HeadImportance>(
        [this, request](uint64_t epoch) {
            const auto current = impl_->requiredModel();
            const auto data = dataset(request.split);
            if (!data) throw UsageError(std::string("there is no ") + splitName(request.split) + " data to measure on");
            return measureHeadImportance(*current.bundle(), *data, request.maxLength, request.batchSize,
                                         impl_->progressFor("Measuring head importance", epoch));
        },
        std::move(done), /*quick=*/true);
}

Session::Reply<PruneResult> Session::pruneHeads(PruneRequest request, OnDone<PruneResult> done) {
    if (impl_->trainingActive()) return Impl::refuse("cannot prune heads " + std::string(kBusyTraining), done);
    return impl_->submit<PruneResult>(
        [this, request](uint64_t epoch) {
            const auto current = impl_->requiredModel();
            const auto data = dataset(request.split);
            if (!data) throw UsageError(std::string("there is no ") + splitName(request.split) + " data to prune by");
            if (request.count < 1) throw UsageError("choose how many heads to prune (at least 1)");
            auto& bundle = *current.bundle();
            PruneResult result;
            result.importance = request.importance ? *request.importance
                                                   : measureHeadImportance(bundle, *data, request.maxLength,
                                                                           request.batchSize,
                                                                           impl_->progressFor("Measuring head importance", epoch));
            result.pruned = leastImportantHeads(result.importance, request.count);
            if (result.pruned.empty())
                throw UsageError("no head can be pruned: every layer is down to its last head");
            result.before = evaluateDataset(bundle, *data, request.maxLength, request.batchSize);
            bertbench::pruneHeads(*bundle.model, bundle.config, result.pruned);
            result.after = evaluateDataset(bundle, *data, request.maxLength, request.batchSize);
            result.prunedInAll = bundle.config.prunedHeads;
            result.model = current.summary();
            std::lock_guard<std::mutex> lock(impl_->mutex);
            impl_->modelSummary = result.model;
            impl_->dirty = true;
            return result;
        },
        std::move(done));
}

Session::Reply<AttentionComparison> Session::compareAttention(CompareRequest request, OnDone<AttentionComparison> done) {
    return impl_->submit<AttentionComparison>(
        [this, request = std::move(request)](uint64_t) {
            const auto current = impl_->requiredModel();
            if (request.folder.empty()) throw UsageError("choose a model folder to compare with");
            if (!impl_->comparisonModel || impl_->comparisonFolder != request.folder) {
                RandomStateScope randomState;  // building the model draws initial weights
                impl_->comparisonModel = std::make_shared<ModelBundle>(
                    loadModelFolder(request.folder, Task::SequenceClassification));
                impl_->comparisonFolder = request.folder;
            }
            std::vector<PredictRequest> sample;  // pairs stay pairs
            if (const auto data = dataset(request.split))
                for (size_t i = 0; i < std::min(request.sampleSize, data->examples.size()); ++i)
                    sample.push_back({data->examples[i].text, data->examples[i].textPair});
            return bertbench::compareAttention(impl_->comparisonModel, current.bundle(), {request.text, request.pair},
                                               sample, request.maxLength);
        },
        std::move(done), /*quick=*/true);
}

}  // namespace bertbench
