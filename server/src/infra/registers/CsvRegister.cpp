#include "infra/registers/CsvRegister.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>

#include "infra/registers/CsvReader.h"
#include "infra/registers/RegisterRowCheck.h"

namespace tessera::infra {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
    return out;
}

Error unreadable(RegisterKind kind, const std::string& path, const std::string& why) {
    return Error::invalid("register_file_unreadable", "The " + std::string(toString(kind)) + " register file " + path +
                                                          " cannot be read: " + why + ".");
}

std::size_t slotCountFor(std::size_t rows) {
    std::size_t n = 16;
    while (n < rows * 2) n <<= 1;
    return n;
}

}  // namespace

CsvRegister::CsvRegister(RegisterKind kind) : kind_(kind), columns_(registerColumns(kind)) {
    const auto [first, second] = keyColumns(kind);
    auto indexOf = [this](std::string_view column) {
        return static_cast<std::size_t>(std::find(columns_.begin(), columns_.end(), column) - columns_.begin());
    };
    for (std::size_t c = 0; c < columns_.size(); ++c) sortedColumns_.push_back(c);
    std::sort(sortedColumns_.begin(), sortedColumns_.end(),
              [this](std::size_t a, std::size_t b) { return columns_[a] < columns_[b]; });
    keyFirst_ = indexOf(first);
    keySecond_ = second.empty() ? columns_.size() : indexOf(second);
}

Result<std::unique_ptr<CsvRegister>> CsvRegister::load(RegisterKind kind, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return unreadable(kind, path, std::strerror(errno));
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) return unreadable(kind, path, "it is not a regular file");
    if (static_cast<std::uint64_t>(size) >= std::numeric_limits<std::uint32_t>::max())
        return unreadable(kind, path, "it is larger than 4 GiB");
    std::string text(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(text.data(), size)) return unreadable(kind, path, "the read failed");
    return parse(kind, text, path);
}

Result<std::unique_ptr<CsvRegister>> CsvRegister::parse(RegisterKind kind, std::string_view text,
                                                        const std::string& origin) {
    std::unique_ptr<CsvRegister> reg(new CsvRegister(kind));
    const std::string registerName(toString(kind));
    auto at = [&](std::size_t line) { return origin + ":" + std::to_string(line); };

    CsvReader reader(text);
    std::vector<std::string> fields;
    auto header = reader.next(fields);
    if (!header) return Error::invalid("register_bad_header", at(1) + ": " + header.error().message);
    bool sameHeader = *header && fields.size() == reg->columns_.size();
    for (std::size_t i = 0; sameHeader && i < fields.size(); ++i) sameHeader = trimmed(fields[i]) == reg->columns_[i];
    if (!sameHeader)
        return Error::invalid("register_bad_header", at(reader.line() ? reader.line() : 1) + ": the header of the " +
                                                         registerName + " register must be " + joined(reg->columns_) + ".");

    // Most rows are about the same length, which sizes the buffers well enough.
    reg->values_.reserve(text.size() + text.size() / 8);
    while (true) {
        auto more = reader.next(fields);
        if (!more) return Error::invalid("register_bad_row", origin + ": " + more.error().message);
        if (!*more) break;
        if (reg->rows_ == kNone - 1) return Error::invalid("register_bad_row", at(reader.line()) + ": too many rows.");
        if (auto problem = registerRowProblem(kind, fields))
            return Error::invalid("register_bad_row", at(reader.line()) + ": " + *problem + ".");
        auto added = reg->addRow(fields, at(reader.line()));
        if (!added) return added.error();
    }
    reg->buildIndex();
    reg->values_.shrink_to_fit();
    return reg;
}

Status CsvRegister::addRow(const std::vector<std::string>& fields, const std::string& where) {
    const std::string key = registerKey(kind_, fields[keyFirst_],
                                        keySecond_ < fields.size() ? std::string_view(fields[keySecond_]) : std::string_view{});
    if (key.empty()) return Error::invalid("register_bad_row", where + ": the row has no key.");
    std::size_t bytes = key.size();
    for (const auto& f : fields) bytes += f.size();
    if (values_.size() + bytes >= kNone) return Error::invalid("register_bad_row", where + ": the register holds more than 4 GiB.");
    if (offsets_.empty()) offsets_.push_back(0);
    for (const auto& f : fields) {
        values_ += f;
        offsets_.push_back(static_cast<std::uint32_t>(values_.size()));
    }
    values_ += key;
    offsets_.push_back(static_cast<std::uint32_t>(values_.size()));
    ++rows_;
    return Status::success();
}

void CsvRegister::buildIndex() {
    slots_.assign(slotCountFor(rows_), kNone);
    next_.assign(rows_, kNone);
    std::vector<std::uint32_t> tails(slots_.size(), kNone);  // last row of each slot's chain, while building
    const std::size_t mask = slots_.size() - 1;
    const std::hash<std::string_view> hash;
    for (std::uint32_t row = 0; row < rows_; ++row) {
        const std::string_view key = keyOf(row);
        std::size_t slot = hash(key) & mask;
        while (slots_[slot] != kNone && keyOf(slots_[slot]) != key) slot = (slot + 1) & mask;
        if (slots_[slot] == kNone) slots_[slot] = row;
        else next_[tails[slot]] = row;
        tails[slot] = row;
    }
}

std::string_view CsvRegister::value(std::uint32_t row, std::size_t column) const {
    const std::size_t i = static_cast<std::size_t>(row) * (columns_.size() + 1) + column;
    return std::string_view(values_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
}

RegisterRecord CsvRegister::record(std::uint32_t row) const {
    // Columns in name order, each placed at the end of the map: no comparisons while building.
    RegisterRecord r;
    for (std::size_t c : sortedColumns_) r.emplace_hint(r.end(), columns_[c], value(row, c));
    return r;
}

Result<std::vector<RegisterRecord>> CsvRegister::lookup(std::string_view key) {
    std::vector<RegisterRecord> found;
    if (rows_ == 0 || key.empty()) return found;
    found.reserve(8);
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = std::hash<std::string_view>{}(key)&mask;
    while (slots_[slot] != kNone && keyOf(slots_[slot]) != key) slot = (slot + 1) & mask;
    for (std::uint32_t row = slots_[slot]; row != kNone; row = next_[row]) found.push_back(record(row));
    return found;
}

std::size_t CsvRegister::memoryBytes() const {
    return values_.capacity() + offsets_.capacity() * sizeof(std::uint32_t) +
           (slots_.capacity() + next_.capacity()) * sizeof(std::uint32_t);
}

}  // namespace tessera::infra
