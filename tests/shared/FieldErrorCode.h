#pragma once
// Test helper: the code of the first field error of a Result, or "ok" when it succeeded,
// so a table of inputs can be checked against expected codes in one line each.
#include <string>

#include "tessera/shared/Result.h"

namespace tessera::test {

template <class R>
std::string fieldCode(const R& result) {
    if (result.ok()) return "ok";
    const auto& error = result.error();
    return error.fields.empty() ? "no field error: " + error.code : error.fields.front().code;
}

template <class R>
std::string fieldName(const R& result) {
    return result.ok() || result.error().fields.empty() ? std::string() : result.error().fields.front().field;
}

}  // namespace tessera::test
