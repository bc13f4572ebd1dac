#include "core/registers/AddressMatcher.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/registers/TextFolding.h"
#include "infra/registers/RegisterKey.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Postcode.h"

namespace tessera::core {
namespace {

namespace col = infra::column;

// Words written several ways in addresses, each mapped to one spelling. Sorted by the
// first member for a binary search.
constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kSpellings{{
    {"apartment", "flat"}, {"apt", "flat"},       {"av", "ave"},        {"avenue", "ave"},
    {"bldgs", "buildings"}, {"cl", "close"},      {"cottages", "cotts"}, {"court", "ct"},
    {"crescent", "cres"},  {"drive", "dr"},       {"east", "e"},        {"flt", "flat"},
    {"gardens", "gdns"},   {"gr", "gro"},         {"grove", "gro"},     {"house", "ho"},
    {"hse", "ho"},         {"lane", "ln"},        {"mount", "mt"},      {"north", "n"},
    {"park", "pk"},        {"place", "pl"},       {"road", "rd"},       {"saint", "st"},
    {"south", "s"},        {"square", "sq"},      {"street", "st"},     {"tce", "ter"},
    {"terr", "ter"},       {"terrace", "ter"},    {"view", "vw"},       {"way", "wy"},
    {"west", "w"},         {"yard", "yd"},
}};

constexpr bool sorted() {
    for (std::size_t i = 1; i < kSpellings.size(); ++i)
        if (!(kSpellings[i - 1].first < kSpellings[i].first)) return false;
    return true;
}
static_assert(sorted(), "kSpellings must be sorted for the binary search");

const std::string& get(const infra::RegisterRecord& r, std::string_view column) {
    static const std::string empty;
    const auto found = r.find(std::string(column));
    return found == r.end() ? empty : found->second;
}

std::vector<std::string> joinedLines(const std::string& line1, const std::string& line2) {
    auto tokens = addressLineTokens(line1);
    auto more = addressLineTokens(line2);
    tokens.insert(tokens.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    return tokens;
}

}  // namespace

std::vector<std::string> addressLineTokens(std::string_view line) {
    auto tokens = text::tokens(line);
    for (auto& t : tokens) {
        const auto found = std::lower_bound(kSpellings.begin(), kSpellings.end(), t,
                                            [](const auto& entry, const std::string& word) { return entry.first < word; });
        if (found != kSpellings.end() && found->first == t) t = found->second;
    }
    return tokens;
}

Result<AddressMatch> AddressMatcher::match(const AddressClaim& claim) {
    const auto postcode = validate::ukPostcode(claim.postcode, field::kAddressPostcode);
    if (!postcode) return postcode.error();
    const auto line1 = addressLineTokens(claim.line1);
    if (line1.empty()) return Error::field(std::string(field::kAddressLine1), "required", "Enter the first line of your address.");
    const auto both = joinedLines(claim.line1, claim.line2);

    auto rows = reg_.lookup(infra::registers::addressKey(*postcode));
    if (!rows) return rows.error();

    AddressMatch result;
    for (const auto& row : *rows) {
        const auto& heldLine1 = get(row, col::kLine1);
        if (addressLineTokens(heldLine1) == line1 || joinedLines(heldLine1, get(row, col::kLine2)) == both) {
            result.outcome = MatchOutcome::Matched;
            result.uprn = get(row, col::kUprn);
            break;
        }
    }
    result.fields = {{std::string(field::kAddressLine1), result.outcome == MatchOutcome::Matched},
                     {std::string(field::kAddressPostcode), !rows->empty()}};
    return result;
}

}  // namespace tessera::core
