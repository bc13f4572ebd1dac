#pragma once
// Comparing a claimed name with a register's, after folding (TextFolding.h).
//
// Given names are compared token by token, each pair equal or variants (NameVariants):
//   Full     the first given names agree, and the other names of the side with fewer are
//            found, in order, among the other names of the side with more: a middle name
//            may be missing on one side ("Iain" = "Iain Angus"), not different;
//   Partial  only an initial or a shortening of the first name ("J" or "Kath" for
//            "Katherine"), the first names agree but a middle name differs, or one side's
//            first name is the other's middle name (a person known by it);
//   None     otherwise (a twin brother's name is None, not Partial).
// Family names are equal when their compact forms are (O'Brien = O Brien, MacLeod = McLeod).
#include <string>
#include <string_view>
#include <vector>

#include "core/registers/NameVariants.h"

namespace tessera::core {

enum class GivenNamesAgreement { Full, Partial, None };

GivenNamesAgreement compareGivenNames(const std::vector<std::string>& claimed, const std::vector<std::string>& held,
                                      const NameVariants& variants);

}  // namespace tessera::core
