#include "web/JsonBody.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

namespace tessera::web {

Result<JsonBody> JsonBody::parse(const Request& r) {
    const std::string type = r.mediaType();
    if (type != "application/json" && type != "application/merge-patch+json") {
        return Error{ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                     "Send the request body as JSON with Content-Type: application/json.", {}};
    }
    return parseText(r.body);
}

Result<JsonBody> JsonBody::parseText(const std::string& text) {
    if (text.empty()) return Error::invalid("malformed_json", "The request body is empty; send a JSON object.");
    try {
        Poco::JSON::Parser parser;
        Poco::Dynamic::Var v = parser.parse(text);
        if (v.type() != typeid(Poco::JSON::Object::Ptr)) {
            return Error::invalid("not_an_object", "The request body must be a JSON object ({...}).");
        }
        return JsonBody(v.extract<Poco::JSON::Object::Ptr>());
    } catch (const Poco::Exception& e) {
        return Error::invalid("malformed_json", "The request body is not valid JSON: " + e.message());
    } catch (const std::exception&) {
        return Error::invalid("malformed_json", "The request body is not valid JSON.");
    }
}

void JsonBody::addError(std::string field, std::string code, std::string message) {
    for (const auto& e : errors_)
        if (e.field == field) return;  // one message per field is enough for a person to act on
    errors_.push_back({std::move(field), std::move(code), std::move(message)});
}

std::optional<std::string> JsonBody::optionalString(const std::string& name, std::size_t maxLength) {
    if (!object_->has(name) || object_->isNull(name)) return std::nullopt;
    Poco::Dynamic::Var v = object_->get(name);
    if (!v.isString()) {
        addError(name, "wrong_type", "Must be a text value.");
        return std::nullopt;
    }
    std::string s = v.extract<std::string>();
    if (s.size() > maxLength) {
        addError(name, "too_long", "Must be at most " + std::to_string(maxLength) + " bytes long.");
        return std::nullopt;
    }
    return s;
}

std::string JsonBody::requiredString(const std::string& name, std::size_t maxLength) {
    if (!object_->has(name) || object_->isNull(name)) {
        addError(name, "required", "This field is required.");
        return {};
    }
    return optionalString(name, maxLength).value_or(std::string());
}

std::optional<bool> JsonBody::optionalBool(const std::string& name) {
    if (!object_->has(name) || object_->isNull(name)) return std::nullopt;
    Poco::Dynamic::Var v = object_->get(name);
    if (v.type() != typeid(bool)) {
        addError(name, "wrong_type", "Must be true or false.");
        return std::nullopt;
    }
    return v.extract<bool>();
}

bool JsonBody::requiredBool(const std::string& name) {
    if (!object_->has(name) || object_->isNull(name)) {
        addError(name, "required", "This field is required.");
        return false;
    }
    return optionalBool(name).value_or(false);
}

std::vector<std::string> JsonBody::requiredStringArray(const std::string& name, std::size_t maxItems) {
    std::vector<std::string> out;
    if (!object_->has(name) || object_->isNull(name)) {
        addError(name, "required", "This field is required.");
        return out;
    }
    Poco::JSON::Array::Ptr a = object_->getArray(name);
    if (!a) {
        addError(name, "wrong_type", "Must be a list of text values.");
        return out;
    }
    if (a->size() > maxItems) {
        addError(name, "too_many", "Must have at most " + std::to_string(maxItems) + " items.");
        return out;
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
        Poco::Dynamic::Var v = a->get(static_cast<unsigned>(i));
        if (!v.isString()) {
            addError(name, "wrong_type", "Must be a list of text values.");
            return {};
        }
        out.push_back(v.extract<std::string>());
    }
    return out;
}

Poco::JSON::Object::Ptr JsonBody::optionalObject(const std::string& name) {
    if (!object_->has(name) || object_->isNull(name)) return nullptr;
    Poco::JSON::Object::Ptr o = object_->getObject(name);
    if (!o) addError(name, "wrong_type", "Must be an object.");
    return o;
}

void JsonBody::rejectUnknown(const std::set<std::string>& allowed) {
    for (const auto& [key, value] : *object_) {
        (void)value;
        if (!allowed.count(key)) addError(key, "unknown_field", "This field is not recognised; remove it.");
    }
}

Status JsonBody::status() const {
    if (errors_.empty()) return {};
    return Error::invalid("validation_failed", "Some fields need to be corrected.", errors_);
}

}  // namespace tessera::web
