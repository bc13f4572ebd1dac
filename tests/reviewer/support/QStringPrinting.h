#pragma once
// Lets Catch print QString values in failed checks ("Eilidh" rather than "{?}").
#include <catch2/catch.hpp>

#include <QString>

namespace Catch {
template <>
struct StringMaker<QString> {
    static std::string convert(const QString& s) { return '"' + s.toStdString() + '"'; }
};
}  // namespace Catch
