#pragma once
// The organisation's look, from configuration: its name, an optional logo and a brand
// colour. The colour reaches pages through the generated stylesheet /assets/.../brand.css
// (no inline styles), with a text colour chosen to contrast with it. Not GOV.UK: no crown,
// no GOV.UK logotype, no GOV.UK font.
#include <string>
#include <string_view>

#include "infra/Settings.h"
#include "web/portal/PageData.h"

namespace tessera::web::portal {

struct Branding {
    std::string organisationName;
    std::string logoUrl;      // "" for none; a path on this site or an https:// URL
    std::string colour;       // #rrggbb
    std::string textColour;   // on the brand colour: white or near-black, whichever contrasts more
    std::string phase;        // "", "alpha" or "beta"

    static Branding from(const infra::Settings& settings);
    // The CSP image source a logo on another host needs ("https://host"), else "".
    std::string logoImageSource() const;
    // {name, logoUrl, colour, textColour, phase} for templates.
    PageData data() const;
};

// WCAG 2.1 contrast ratio of two #rrggbb colours (1 to 21).
double contrastRatio(std::string_view a, std::string_view b);
// "#ffffff" or "#0b0c0c", whichever contrasts more with `background`.
std::string contrastingTextColour(std::string_view background);

}  // namespace tessera::web::portal
