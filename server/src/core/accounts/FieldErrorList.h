#pragma once
// Collects the field errors of a whole form, so one answer lists everything to fix instead
// of making a person resubmit once per mistake.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::core {

class FieldErrorList {
public:
    // Keeps the value of a successful validation; records the error's fields otherwise.
    template <class T>
    std::optional<T> take(Result<T> result) {
        if (result) return std::move(result).value();
        record(result.error());
        return std::nullopt;
    }
    // Records the fields of a failed check; true when it passed.
    bool take(const Status& status) {
        if (status) return true;
        record(status.error());
        return false;
    }
    void add(std::string field, std::string code, std::string message) {
        for (const auto& e : errors_)
            if (e.field == field) return;  // one message per field is enough to act on
        errors_.push_back({std::move(field), std::move(code), std::move(message)});
    }
    bool has(const std::string& field) const {
        for (const auto& e : errors_)
            if (e.field == field) return true;
        return false;
    }
    bool empty() const { return errors_.empty(); }
    // ok() when nothing was recorded; otherwise one validation error listing every field.
    Status status() const {
        if (errors_.empty()) return {};
        return error();
    }
    // The combined validation error (call when !empty()).
    Error error() const { return Error::invalid("validation_failed", "Some fields need to be corrected.", errors_); }

private:
    void record(const Error& e) {
        if (e.fields.empty()) {
            add("", e.code, e.message);
            return;
        }
        for (const auto& f : e.fields) add(f.field, f.code, f.message);
    }
    std::vector<FieldError> errors_;
};

}  // namespace tessera::core
