#pragma once
// Errors are values: a typed code a program can branch on, and a message a person can act on.
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tessera {

enum class ErrorKind {
    Invalid,        // the input breaks a rule (400/422)
    NotFound,       // no such thing (404)
    Conflict,       // the state does not allow it (409)
    Unauthorized,   // not signed in, or bad credentials (401)
    Forbidden,      // signed in but not allowed (403)
    TooManyRequests,// throttled (429)
    Gone,           // expired or used up (410)
    Unavailable,    // a dependency failed (503)
    UnsupportedMediaType, // the body is not in a format we read (415)
    TooLarge,       // the body or upload exceeds a limit (413)
    Internal        // a bug or an unexpected failure (500)
};

// One field-level problem in a form or request body.
struct FieldError {
    std::string field;    // JSON field name, e.g. "email"
    std::string code;     // stable machine code, e.g. "too_short"
    std::string message;  // what the person should do
};

struct Error {
    ErrorKind kind = ErrorKind::Invalid;
    std::string code;     // stable machine code, e.g. "email_taken", used as problem type suffix
    std::string message;  // human detail
    std::vector<FieldError> fields;

    static Error invalid(std::string code, std::string message, std::vector<FieldError> fields = {}) {
        return {ErrorKind::Invalid, std::move(code), std::move(message), std::move(fields)};
    }
    static Error field(std::string field, std::string code, std::string message) {
        FieldError f{std::move(field), code, message};
        return {ErrorKind::Invalid, "validation_failed", "Some fields need to be corrected.", {std::move(f)}};
    }
    static Error notFound(std::string code, std::string message) { return {ErrorKind::NotFound, std::move(code), std::move(message), {}}; }
    static Error conflict(std::string code, std::string message) { return {ErrorKind::Conflict, std::move(code), std::move(message), {}}; }
    static Error unauthorized(std::string code, std::string message) { return {ErrorKind::Unauthorized, std::move(code), std::move(message), {}}; }
    static Error forbidden(std::string code, std::string message) { return {ErrorKind::Forbidden, std::move(code), std::move(message), {}}; }
    static Error tooMany(std::string code, std::string message) { return {ErrorKind::TooManyRequests, std::move(code), std::move(message), {}}; }
    static Error gone(std::string code, std::string message) { return {ErrorKind::Gone, std::move(code), std::move(message), {}}; }
    static Error unavailable(std::string code, std::string message) { return {ErrorKind::Unavailable, std::move(code), std::move(message), {}}; }
    static Error internal(std::string message) { return {ErrorKind::Internal, "internal", std::move(message), {}}; }
};

// Result<T>: either a value or an Error. Result<void> carries only success or an Error.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : e_(std::move(error)) {}
    static Result success() { return {}; }

    bool ok() const { return !e_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *e_; }

private:
    std::optional<Error> e_;
};

using Status = Result<void>;

}  // namespace tessera
