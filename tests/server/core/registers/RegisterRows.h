#pragma once
// Registers of a few rows for the matcher tests, written as the CSV lines they would be in
// a file, and a register that cannot answer.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <memory>
#include <string>

#include "infra/registers/CsvRegister.h"

namespace tessera::test {

inline std::unique_ptr<infra::CsvRegister> registerOf(infra::RegisterKind kind, std::initializer_list<std::string> rows) {
    std::string text;
    for (const auto& column : infra::registerColumns(kind)) text += (text.empty() ? "" : ",") + column;
    text += "\n";
    for (const auto& row : rows) text += row + "\n";
    auto reg = infra::CsvRegister::parse(kind, text, "test rows");
    REQUIRE(reg.ok());
    return std::move(reg).value();
}

class UnavailableRegister final : public infra::RegisterConnector {
public:
    Result<std::vector<infra::RegisterRecord>> lookup(std::string_view) override {
        return Error::unavailable("register_unavailable", "The test register is unavailable: it is down.");
    }
    std::string name() const override { return "test"; }
};

}  // namespace tessera::test
