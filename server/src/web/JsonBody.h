#pragma once
// Reads a JSON request body into typed fields, collecting every problem at once so the
// caller can answer with one problem+json listing each field to fix.
#include <Poco/JSON/Object.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tessera/shared/Result.h"
#include "web/Request.h"

namespace tessera::web {

class JsonBody {
public:
    // Checks the content type (application/json) and parses an object. Errors:
    // unsupported_media_type (415 via Invalid + code), malformed_json, not_an_object.
    static Result<JsonBody> parse(const Request& r);
    // For tests and internal use.
    static Result<JsonBody> parseText(const std::string& text);

    // Required/optional fields of a given type; a wrong type or a missing required field
    // is recorded and an empty value returned.
    std::string requiredString(const std::string& name, std::size_t maxLength = 1000);
    std::optional<std::string> optionalString(const std::string& name, std::size_t maxLength = 1000);
    bool requiredBool(const std::string& name);
    std::optional<bool> optionalBool(const std::string& name);
    std::vector<std::string> requiredStringArray(const std::string& name, std::size_t maxItems = 50);
    Poco::JSON::Object::Ptr optionalObject(const std::string& name);
    bool has(const std::string& name) const { return object_->has(name); }

    // Records that fields other than the listed ones are errors ("unknown_field").
    void rejectUnknown(const std::set<std::string>& allowed);
    void addError(std::string field, std::string code, std::string message);
    // ok() if no field problem was recorded; otherwise the combined validation error.
    Status status() const;
    Poco::JSON::Object::Ptr object() const { return object_; }

private:
    explicit JsonBody(Poco::JSON::Object::Ptr o) : object_(std::move(o)) {}
    Poco::JSON::Object::Ptr object_;
    std::vector<FieldError> errors_;
};

}  // namespace tessera::web
