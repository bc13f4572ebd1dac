#include "core/registers/NameComparison.h"

namespace tessera::core {
namespace {

// True when every name of `fewer` (after the first) appears in `more` (after the first) in order.
bool othersFoundInOrder(const std::vector<std::string>& fewer, const std::vector<std::string>& more,
                        const NameVariants& variants) {
    std::size_t j = 1;
    for (std::size_t i = 1; i < fewer.size(); ++i) {
        while (j < more.size() && !variants.areVariants(fewer[i], more[j])) ++j;
        if (j == more.size()) return false;
        ++j;
    }
    return true;
}

bool appearsAfterFirst(const std::string& name, const std::vector<std::string>& names, const NameVariants& variants) {
    for (std::size_t i = 1; i < names.size(); ++i)
        if (variants.areVariants(name, names[i])) return true;
    return false;
}

}  // namespace

GivenNamesAgreement compareGivenNames(const std::vector<std::string>& claimed, const std::vector<std::string>& held,
                                      const NameVariants& variants) {
    if (claimed.empty() || held.empty()) return GivenNamesAgreement::None;
    if (variants.areVariants(claimed[0], held[0])) {
        const bool claimedFewer = claimed.size() <= held.size();
        const bool inOrder = claimedFewer ? othersFoundInOrder(claimed, held, variants)
                                          : othersFoundInOrder(held, claimed, variants);
        return inOrder ? GivenNamesAgreement::Full : GivenNamesAgreement::Partial;
    }
    if (claimed[0].starts_with(held[0]) || held[0].starts_with(claimed[0])) return GivenNamesAgreement::Partial;
    if (appearsAfterFirst(claimed[0], held, variants) || appearsAfterFirst(held[0], claimed, variants))
        return GivenNamesAgreement::Partial;
    return GivenNamesAgreement::None;
}

}  // namespace tessera::core
