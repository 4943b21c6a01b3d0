// CoLA's training file, cut: the CLI tests' small data sets.
#pragma once

#include "fixtures.h"
#include "temp_folder.h"

#include <QString>

#include <fstream>
#include <string>

namespace fixtures {

// Rows [skip, skip + rows) of CoLA's training file, as file `name` in `folder`.
inline std::string colaRowsFile(const TempFolder& folder, const std::string& name, size_t rows, size_t skip = 0) {
    std::ifstream in(path("data/cola/in_domain_train.tsv"));
    std::string text, line;
    for (size_t i = 0; i < skip + rows && std::getline(in, line); ++i)
        if (i >= skip) text += line + "\n";
    folder.write(name, text);
    return folder.file(name);
}

inline QString q(const std::string& s) { return QString::fromStdString(s); }

}  // namespace fixtures
