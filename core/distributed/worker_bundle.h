// What rank 0 of a local data-parallel run hands its workers: a folder with
// the model as it stands before training (a Hugging Face folder, so the
// workers build exactly the same modules), the training data as JSON, the
// options and the run's flags. Each worker builds the same Trainer from it;
// rank 0 then gives them its weights anyway (see Trainer).
#pragma once

#include "checkpoint/model_folder.h"
#include "training/trainer.h"
#include "training/training_options.h"

#include <memory>
#include <string>

namespace bertbench {

struct WorkerJob {
    std::shared_ptr<ModelBundle> model;
    TrainingOptions options;
    TrainingData data;
    std::string runDir;
    bool resume = false;
    bool overwrite = false;
};

void writeWorkerBundle(const std::string& dir, const WorkerJob& job);

// Throws FileError naming the file when the folder is not one writeWorkerBundle wrote.
WorkerJob readWorkerBundle(const std::string& dir);

}  // namespace bertbench
