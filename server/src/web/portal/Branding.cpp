#include "web/portal/Branding.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace tessera::web::portal {

namespace {

double channel(std::string_view hex) {
    const double c = std::stoi(std::string(hex), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(std::string_view colour) {
    if (colour.size() != 7) return 0;
    return 0.2126 * channel(colour.substr(1, 2)) + 0.7152 * channel(colour.substr(3, 2)) +
           0.0722 * channel(colour.substr(5, 2));
}

}  // namespace

double contrastRatio(std::string_view a, std::string_view b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string contrastingTextColour(std::string_view background) {
    return contrastRatio(background, "#ffffff") >= contrastRatio(background, "#0b0c0c") ? "#ffffff" : "#0b0c0c";
}

Branding Branding::from(const infra::Settings& settings) {
    Branding b;
    b.organisationName = settings.organisationName;
    b.logoUrl = settings.organisationLogoUrl;
    b.colour = settings.organisationColour;
    std::transform(b.colour.begin(), b.colour.end(), b.colour.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    b.textColour = contrastingTextColour(b.colour);
    b.phase = settings.webPhase;
    return b;
}

std::string Branding::logoImageSource() const {
    if (logoUrl.rfind("https://", 0) != 0) return {};
    const auto end = logoUrl.find('/', 8);
    return logoUrl.substr(0, end);
}

PageData Branding::data() const {
    PageData d;
    d.set("name", organisationName)
        .set("logoUrl", logoUrl)
        .set("colour", colour)
        .set("textColour", textColour)
        .set("phase", phase);
    return d;
}

}  // namespace tessera::web::portal
