#include <catch2/catch.hpp>

#include "infra/QrSvg.h"

using tessera::infra::qrSvg;

TEST_CASE("QR SVG is a standalone accessible image with one path", "[qr]") {
    auto svg = qrSvg("otpauth://totp/Tessera:ana%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Tessera",
                     "Scan this code with your authenticator app");
    REQUIRE(svg.ok());
    const std::string& s = *svg;
    CHECK(s.rfind("<svg", 0) == 0);
    CHECK(s.find("xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
    CHECK(s.find("role=\"img\"") != std::string::npos);
    CHECK(s.find("aria-label=\"Scan this code with your authenticator app\"") != std::string::npos);
    CHECK(s.find("shape-rendering=\"crispEdges\"") != std::string::npos);
    CHECK(s.find("viewBox=\"0 0 ") != std::string::npos);
    CHECK(s.find("<path") != std::string::npos);
    CHECK(s.find("<path", s.find("<path") + 1) == std::string::npos);  // exactly one path
    CHECK(s.find("d=\"M4 4h7v1h-7z") != std::string::npos);          // finder pattern after the quiet zone
    CHECK(s.size() < 20000);
    CHECK(s.substr(s.size() - 6) == "</svg>");
}

TEST_CASE("QR SVG escapes the label and rejects impossible input", "[qr]") {
    auto svg = qrSvg("hello", "a \"quoted\" <label> & more");
    REQUIRE(svg.ok());
    CHECK(svg->find("aria-label=\"a &quot;quoted&quot; &lt;label&gt; &amp; more\"") != std::string::npos);
    // Version 1 (21 modules) plus two 4-module quiet zones.
    CHECK(svg->find("viewBox=\"0 0 29 29\"") != std::string::npos);

    CHECK_FALSE(qrSvg("", "x").ok());
    CHECK_FALSE(qrSvg(std::string(5000, 'a'), "x").ok());
}
