#include "core/services/JsonText.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace tessera::core::json_text {

namespace {

std::string condensed(const Poco::Dynamic::Var& v) {
    std::ostringstream os;
    Poco::JSON::Stringifier::condense(v, os);
    return os.str();
}

Poco::Dynamic::Var parsed(const std::string& text) {
    if (text.empty()) return {};
    try {
        Poco::JSON::Parser parser;
        return parser.parse(text);
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace

std::string fromList(const std::vector<std::string>& list) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const auto& item : list) a->add(item);
    return condensed(a);
}

std::vector<std::string> toList(const std::string& text) {
    std::vector<std::string> out;
    const Poco::Dynamic::Var v = parsed(text);
    if (v.type() != typeid(Poco::JSON::Array::Ptr)) return out;
    for (const auto& item : *v.extract<Poco::JSON::Array::Ptr>())
        if (item.isString()) out.push_back(item.extract<std::string>());
    return out;
}

std::string fromMap(const std::map<std::string, std::string>& map) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    for (const auto& [k, v] : map) o->set(k, v);
    return condensed(o);
}

std::map<std::string, std::string> toMap(const std::string& text) {
    std::map<std::string, std::string> out;
    const Poco::Dynamic::Var v = parsed(text);
    if (v.type() != typeid(Poco::JSON::Object::Ptr)) return out;
    for (const auto& [k, value] : *v.extract<Poco::JSON::Object::Ptr>())
        if (value.isString()) out[k] = value.extract<std::string>();
    return out;
}

}  // namespace tessera::core::json_text
