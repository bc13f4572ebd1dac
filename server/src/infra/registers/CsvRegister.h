#pragma once
// A register loaded from a CSV file into memory, with a hash index on its key (see
// RegisterKey.h), for the built-in registers and the synthetic ones of the benchmark.
//
// Rows are kept packed (all values in one buffer, offsets beside them) rather than one
// map per row: a million vital records take about 110 MB and load in about a second.
// The index is an open-addressing table of chain heads, each chain linking the rows of one
// key in file order. Immutable once loaded, so lookups from many threads need no lock.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "infra/registers/RegisterConnector.h"
#include "infra/registers/RegisterKey.h"

namespace tessera::infra {

class CsvRegister final : public RegisterConnector {
public:
    // Reads and checks the whole file. Errors (Invalid): "register_file_unreadable",
    // "register_bad_header" (the header row differs from registerColumns(kind)),
    // "register_bad_row" (wrong number of fields, a bad date, sex, status or type, a
    // missing key, malformed quoting); messages name the file and line, never a value.
    static Result<std::unique_ptr<CsvRegister>> load(RegisterKind kind, const std::string& path);
    // The same from text in memory; `origin` names it in error messages.
    static Result<std::unique_ptr<CsvRegister>> parse(RegisterKind kind, std::string_view text,
                                                      const std::string& origin);

    Result<std::vector<RegisterRecord>> lookup(std::string_view key) override;
    std::string name() const override { return std::string(toString(kind_)); }

    RegisterKind kind() const { return kind_; }
    std::size_t size() const { return rows_; }
    // Bytes held by the rows and the index (for the benchmark's report).
    std::size_t memoryBytes() const;

private:
    explicit CsvRegister(RegisterKind kind);
    Status addRow(const std::vector<std::string>& fields, const std::string& where);
    void buildIndex();
    std::string_view value(std::uint32_t row, std::size_t column) const;
    std::string_view keyOf(std::uint32_t row) const { return value(row, columns_.size()); }
    RegisterRecord record(std::uint32_t row) const;

    static constexpr std::uint32_t kNone = UINT32_MAX;

    RegisterKind kind_;
    std::vector<std::string> columns_;
    std::vector<std::size_t> sortedColumns_;  // column indexes in the order of their names
    std::size_t keyFirst_ = 0, keySecond_ = 0;  // column indexes of the key; keySecond_ == size() if none
    std::string values_;                        // every value, row after row, each row's key last
    std::vector<std::uint32_t> offsets_;        // (columns + 1) starts per row, and the end
    std::uint32_t rows_ = 0;
    std::vector<std::uint32_t> slots_;  // hash slot -> first row of a key, or kNone
    std::vector<std::uint32_t> next_;   // row -> next row with the same key, or kNone
};

}  // namespace tessera::infra
