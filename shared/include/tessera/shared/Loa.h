#pragma once
// Levels of assurance: how sure we are that an account belongs to the person it names.
// Higher levels include everything the lower ones prove, so levels compare with < and >=.
#include <array>
#include <optional>
#include <string_view>

namespace tessera {

enum class Loa { Loa0 = 0, Loa1, Loa2, Loa3 };

inline constexpr int kLoaCount = 4;
inline constexpr std::array<Loa, kLoaCount> kAllLoas{Loa::Loa0, Loa::Loa1, Loa::Loa2, Loa::Loa3};

constexpr int toInt(Loa loa) { return static_cast<int>(loa); }
std::optional<Loa> loaFromInt(int level);

// Stable names used in the API, configuration and the database: "loa0" .. "loa3".
std::string_view toString(Loa loa);
std::optional<Loa> loaFromString(std::string_view name);

// The OpenID Connect `acr` value each level maps to by default ("urn:tessera:loa:2").
// Deployments may configure their own values; these are the defaults and what
// loaFromDefaultAcr reads back.
std::string_view defaultAcr(Loa loa);
std::optional<Loa> loaFromDefaultAcr(std::string_view acr);

// True when an account at `held` may use a service that asks for `required`.
constexpr bool meets(Loa held, Loa required) { return held >= required; }
constexpr Loa higherOf(Loa a, Loa b) { return a >= b ? a : b; }
constexpr Loa lowerOf(Loa a, Loa b) { return a <= b ? a : b; }

// One English sentence saying what the level proves and what it unlocks.
std::string_view describe(Loa loa);

}  // namespace tessera
