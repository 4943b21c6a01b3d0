// Guessing which columns of a file hold the text and the label, from the
// header's names or, failing those, from a sample of rows: what the GUI's
// preview does when a header lacks the format's "text"/"label" names, so that
// opening such a file picks columns instead of failing.
#pragma once

#include <string>
#include <vector>

namespace bertbench {

struct ColumnGuess {
    int text = -1;    // 0-based column index; -1: no guess
    int label = -1;   // 0-based column index; -1: no guess (or no label column)
    std::string why;  // a short English phrase for logs and tests
};

// `headerNames` is the header row, or null when the file has none; `sampleRows`
// are data rows (the preview reads up to 200), possibly of unequal widths.
// Names come first (case-insensitive, trimmed): a text column is one named
// text, sentence, sentence1, review, content, description, body, document,
// comment, tweet or question, a label column one named label, labels, class,
// category, target, sentiment, topic, y or gold_label (earlier names in these
// lists win). A role no name settles goes by content: the label is the column
// with few distinct values (at most 20 and at most half its values), short
// ones, short integers preferred over short words over anything else; the text
// is the column with the longest mean length among those with many distinct
// values. Text and label are never the same column, ties go to the leftmost,
// and a file of one column has text 0 and no label. Never throws.
ColumnGuess guessColumns(const std::vector<std::string>* headerNames,
                         const std::vector<std::vector<std::string>>& sampleRows);

}  // namespace bertbench
