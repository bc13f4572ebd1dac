#include "core/verification/VerificationApplication.h"

#include <array>
#include <utility>

namespace tessera::core {

namespace {

constexpr std::array<std::pair<EvidenceBundle, std::string_view>, 3> kBundles{{
    {EvidenceBundle::DocumentVideo, "document_video"},
    {EvidenceBundle::DocumentPhoto, "document_photo"},
    {EvidenceBundle::DuplicatePerson, "duplicate_person"},
}};

constexpr std::array<std::pair<MediaSlot, std::string_view>, 3> kSlots{{
    {MediaSlot::DocumentFront, "document_front"},
    {MediaSlot::DocumentBack, "document_back"},
    {MediaSlot::SelfieVideo, "selfie_video"},
}};

}  // namespace

std::string_view toString(EvidenceBundle b) {
    for (const auto& [value, name] : kBundles)
        if (value == b) return name;
    return "document_video";
}

std::optional<EvidenceBundle> evidenceBundleFrom(std::string_view name) {
    for (const auto& [value, n] : kBundles)
        if (n == name) return value;
    return std::nullopt;
}

std::string_view toString(MediaSlot s) {
    for (const auto& [value, name] : kSlots)
        if (value == s) return name;
    return "document_front";
}

std::optional<MediaSlot> mediaSlotFrom(std::string_view name) {
    for (const auto& [value, n] : kSlots)
        if (n == name) return value;
    return std::nullopt;
}

}  // namespace tessera::core
