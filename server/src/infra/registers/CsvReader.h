#pragma once
// A reader for CSV text as RFC 4180 writes it: fields separated by commas, records by
// LF or CRLF, a field in double quotes may hold commas, line breaks and doubled quotes
// (""). Blank lines are skipped. Works over text already in memory, without copying it,
// so a register of a million rows parses in well under a second.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::infra {

class CsvReader {
public:
    // `text` must outlive the reader. A UTF-8 byte order mark at the start is skipped.
    explicit CsvReader(std::string_view text);

    // Reads the next record into `fields` (its strings are reused, so a loop over a large
    // file allocates little). False at the end of the text. Error "csv_malformed" for an
    // unterminated quoted field or a stray quote; the message gives the line.
    Result<bool> next(std::vector<std::string>& fields);
    // The line (1-based) the record last read starts on.
    std::size_t line() const { return recordLine_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t recordLine_ = 0;
};

}  // namespace tessera::infra
