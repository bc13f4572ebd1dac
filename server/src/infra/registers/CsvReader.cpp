#include "infra/registers/CsvReader.h"

namespace tessera::infra {
namespace {

Error malformed(std::size_t line, const std::string& what) {
    return Error::invalid("csv_malformed", "line " + std::to_string(line) + ": " + what);
}

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

Result<bool> CsvReader::next(std::vector<std::string>& fields) {
    const std::size_t n = text_.size();
    // Skip blank lines between records.
    while (pos_ < n && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
    }
    if (pos_ >= n) return false;
    recordLine_ = line_;

    std::size_t count = 0;
    auto field = [&]() -> std::string& {
        if (count == fields.size()) fields.emplace_back();
        std::string& f = fields[count++];
        f.clear();
        return f;
    };

    while (true) {
        std::string& out = field();
        if (pos_ < n && text_[pos_] == '"') {
            ++pos_;
            while (true) {
                const std::size_t quote = text_.find('"', pos_);
                if (quote == std::string_view::npos) return malformed(recordLine_, "a quoted field is not closed");
                const std::string_view chunk = text_.substr(pos_, quote - pos_);
                for (char c : chunk)
                    if (c == '\n') ++line_;
                out.append(chunk);
                pos_ = quote + 1;
                if (pos_ < n && text_[pos_] == '"') {  // "" stands for one quote
                    out += '"';
                    ++pos_;
                    continue;
                }
                break;
            }
            if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
                return malformed(line_, "text after the closing quote of a field");
        } else {
            const std::size_t start = pos_;
            while (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
                if (text_[pos_] == '"') return malformed(line_, "a quote inside an unquoted field");
                ++pos_;
            }
            out.assign(text_.data() + start, pos_ - start);
        }
        if (pos_ < n && text_[pos_] == ',') {
            ++pos_;
            continue;
        }
        // End of the record: CRLF, LF, a lone CR, or the end of the text.
        if (pos_ < n && text_[pos_] == '\r') ++pos_;
        if (pos_ < n && text_[pos_] == '\n') ++pos_;
        ++line_;
        break;
    }
    fields.resize(count);
    return true;
}

}  // namespace tessera::infra
