#include <catch2/catch.hpp>

#include "core/registers/TextFolding.h"

using namespace tessera::core;
using Tokens = std::vector<std::string>;

TEST_CASE("folding: case, accents and special letters", "[registers][folding]") {
    CHECK(text::folded("MORAG Campbell") == "morag campbell");
    CHECK(text::folded("Seán Zoë Renée") == "sean zoe renee");
    CHECK(text::folded("Strauß Søren Æsa Þór Łukasz Œuvre") == "strauss soren aesa thor lukasz oeuvre");
    CHECK(text::folded("Dvořák Šťastný Ñuñez") == "dvorak stastny nunez");
    CHECK(text::folded("Se\xCC\x81\x61n") == "sean");  // decomposed: e + combining acute
    CHECK(text::folded("Ó Briain") == "o briain");
}

TEST_CASE("folding: punctuation, hyphens and whitespace", "[registers][folding]") {
    CHECK(text::tokens("Mary-Jane  O'Brien") == Tokens{"mary", "jane", "obrien"});
    CHECK(text::tokens("O\u2019Brien") == Tokens{"obrien"});      // typographic apostrophe
    CHECK(text::tokens("\tSt.  Andrews,\n") == Tokens{"st", "andrews"});
    CHECK(text::tokens("Flat 2/1, 45 Great-Western Rd") == Tokens{"flat", "2", "1", "45", "great", "western", "rd"});
    CHECK(text::tokens("   ").empty());
    CHECK(text::tokens("--").empty());
    CHECK(text::tokens("Ann\xC2\xA0Smith") == Tokens{"ann", "smith"});  // no-break space
}

TEST_CASE("folding: letters of other scripts are kept, broken UTF-8 only separates", "[registers][folding]") {
    CHECK(text::folded("Σοφία Иван") == "Σοφία Иван");
    CHECK(text::tokens("Ann\xFFSmith") == Tokens{"ann", "smith"});
    CHECK(text::tokens("Ann\xE2\x82") == Tokens{"ann"});
}

TEST_CASE("compact names: O'Brien = OBrien = O Brien, Mac = Mc, hyphens", "[registers][folding]") {
    CHECK(text::compactName("O'Brien") == "obrien");
    CHECK(text::compactName("O Brien") == "obrien");
    CHECK(text::compactName("OBRIEN") == "obrien");
    CHECK(text::compactName("MacDonald") == text::compactName("McDonald"));
    CHECK(text::compactName("Mac Donald") == text::compactName("mcdonald"));
    CHECK(text::compactName("Fraser-MacLeod") == text::compactName("Fraser McLeod"));
    CHECK(text::compactName("Smith-Jones") == text::compactName("Smith Jones"));
    CHECK(text::compactName("Ferguson-Reid") != text::compactName("Ferguson"));
    CHECK(text::compactName("Fort William") == text::compactName("Fort-William"));
    CHECK(text::compactName("") == "");
}
