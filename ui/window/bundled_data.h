// BundledData: the CoLA and AG News samples and the BERT vocabulary compiled into the app
// (resources/workbench.qrc). The engine reads real files, so they are copied
// once to the app's local data folder and read from there afterwards.
#pragma once

#include <QString>

namespace BundledData {

struct Paths {
    QString train;    // in_domain_train.tsv
    QString dev;      // in_domain_dev.tsv
    QString holdout;  // out_of_domain_dev.tsv
    QString readme;
    QString topics;   // AG News test split: label (topic name), text
    QString vocab;    // bert-base-uncased vocabulary
};

// Copies what is missing (or of a different size) and returns where the files
// are; empty paths when the folder cannot be written.
Paths extract();

}  // namespace BundledData
