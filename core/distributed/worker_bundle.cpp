#include "distributed/worker_bundle.h"

#include "common/errors.h"
#include "common/json_file.h"

#include <nlohmann/json.hpp>

namespace bertbench {

namespace {

nlohmann::json datasetToJson(const Dataset& data) {
    nlohmann::json examples = nlohmann::json::array();
    for (const auto& e : data.examples) examples.push_back({e.text, e.textPair, e.label, e.line});
    return {{"source", data.source}, {"labels", data.labelNames}, {"pairs", data.hasPairs}, {"examples", examples}};
}

Dataset datasetFromJson(const nlohmann::json& json) {
    Dataset data;
    data.source = json.at("source").get<std::string>();
    data.labelNames = json.at("labels").get<std::vector<std::string>>();
    data.hasPairs = json.at("pairs").get<bool>();
    for (const auto& e : json.at("examples"))
        data.examples.push_back({e.at(0).get<std::string>(), e.at(1).get<std::string>(), e.at(2).get<int32_t>(),
                                 e.at(3).get<long>()});
    return data;
}

nlohmann::json optionalDataset(const std::optional<Dataset>& data) {
    return data ? datasetToJson(*data) : nlohmann::json();
}

std::optional<Dataset> optionalDatasetFromJson(const nlohmann::json& json) {
    if (json.is_null()) return std::nullopt;
    return datasetFromJson(json);
}

}  // namespace

void writeWorkerBundle(const std::string& dir, const WorkerJob& job) {
    saveModelFolder(*job.model, dir + "/model");
    writeJsonFile(dir + "/job.json",
                  {{"task", job.model->task == Task::MaskedLM ? "masked_lm" : "sequence_classification"},
                   {"classifier_trained", job.model->classifierTrained},
                   {"options", job.options.toJson()},
                   {"run_dir", job.runDir},
                   {"resume", job.resume},
                   {"overwrite", job.overwrite},
                   {"train", datasetToJson(job.data.train)},
                   {"validation", optionalDataset(job.data.validation)},
                   {"test", optionalDataset(job.data.test)}});
}

WorkerJob readWorkerBundle(const std::string& dir) {
    const std::string file = dir + "/job.json";
    const auto json = readJsonFile(file);
    WorkerJob job;
    try {
        const Task task = json.at("task").get<std::string>() == "masked_lm" ? Task::MaskedLM : Task::SequenceClassification;
        job.model = std::make_shared<ModelBundle>(loadModelFolder(dir + "/model", task));
        // As rank 0 had it: a new head, saved for the workers, is still untrained.
        job.model->classifierTrained = json.at("classifier_trained").get<bool>();
        job.options = TrainingOptions::fromJson(json.at("options"));
        job.runDir = json.at("run_dir").get<std::string>();
        job.resume = json.at("resume").get<bool>();
        job.overwrite = json.at("overwrite").get<bool>();
        job.data.train = datasetFromJson(json.at("train"));
        job.data.validation = optionalDatasetFromJson(json.at("validation"));
        job.data.test = optionalDatasetFromJson(json.at("test"));
    } catch (const nlohmann::json::exception& e) {
        throw FileError(file, std::string("not a worker job: ") + e.what());
    }
    return job;
}

}  // namespace bertbench
