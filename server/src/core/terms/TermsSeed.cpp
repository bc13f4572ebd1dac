#include "core/terms/TermsSeed.h"

#include "infra/Random.h"

namespace tessera::core {

namespace {

struct SeedText {
    TermsKind kind;
    const char* language;
    const char* title;
    const char* body;
    const char* summary;
};

// Short, plain statements of what the platform does; the lawyers' full text replaces them
// through the admin API as version 2.
const SeedText kSeedTexts[] = {
    {TermsKind::TermsOfService, "en", "Terms of service",
     "Tessera gives you one account to sign in to public services. You agree to give true information about "
     "yourself, to keep your password and your second factor to yourself, and to tell us at once if you think "
     "someone else has used your account. We may suspend an account that is used to deceive a public service. "
     "Each service you sign in to sets its own rules for what you do there. We will tell you before these terms "
     "change, and ask you to accept the new version.",
     "First version."},
    {TermsKind::PrivacyPolicy, "en", "Privacy policy",
     "We hold the details you give us (your name, email address, date of birth, sex, address and phone number) "
     "and a record of security events on your account, such as sign-ins and password changes. We share your "
     "details with a service only when you consent to it, and only the details that service needs. We keep no "
     "record of what you do inside a service. You can see and correct your details at any time, and ask us to "
     "delete your account. Your password is stored only as a one-way hash, and sensitive details are encrypted.",
     "First version."},
    {TermsKind::DataCollection, "en", "Data collection policy",
     "To create your account we collect your name, email address and preferred language. To prove who you are "
     "we may later ask for your date of birth, sex, address, and documents or a video, for that purpose only; we "
     "check them against official registers. We keep your details while your account is open, and security "
     "records for as long as the law requires. By consenting you let us hold what you have entered; you can "
     "withdraw your consent by closing your account.",
     "First version."},

    {TermsKind::TermsOfService, "fr", "Conditions d’utilisation",
     "Tessera vous donne un seul compte pour vous connecter aux services publics. Vous vous engagez à donner des "
     "informations exactes vous concernant, à garder pour vous votre mot de passe et votre second facteur, et à "
     "nous prévenir aussitôt si vous pensez que quelqu’un d’autre a utilisé votre compte. Nous pouvons suspendre "
     "un compte utilisé pour tromper un service public. Chaque service auquel vous vous connectez fixe ses propres "
     "règles. Nous vous préviendrons avant de modifier ces conditions et vous demanderons d’accepter la nouvelle "
     "version.",
     "Première version."},
    {TermsKind::PrivacyPolicy, "fr", "Politique de confidentialité",
     "Nous conservons les informations que vous nous donnez (nom, adresse électronique, date de naissance, sexe, "
     "adresse postale et numéro de téléphone) ainsi qu’un journal des événements de sécurité de votre compte, "
     "comme les connexions et les changements de mot de passe. Nous ne communiquons vos informations à un service "
     "qu’avec votre consentement, et seulement celles dont il a besoin. Nous ne gardons aucune trace de ce que vous "
     "faites dans un service. Vous pouvez consulter et corriger vos informations à tout moment, et demander la "
     "suppression de votre compte. Votre mot de passe n’est conservé que sous forme d’empreinte irréversible, et "
     "les informations sensibles sont chiffrées.",
     "Première version."},
    {TermsKind::DataCollection, "fr", "Politique de collecte des données",
     "Pour créer votre compte, nous recueillons votre nom, votre adresse électronique et votre langue préférée. "
     "Pour prouver votre identité, nous pourrons ensuite vous demander votre date de naissance, votre sexe, votre "
     "adresse, ainsi que des documents ou une vidéo, uniquement à cette fin ; nous les vérifions auprès des "
     "registres officiels. Nous conservons vos informations tant que votre compte est ouvert, et les journaux de "
     "sécurité aussi longtemps que la loi l’exige. En donnant votre consentement, vous nous autorisez à conserver "
     "ce que vous avez saisi ; vous pouvez le retirer en fermant votre compte.",
     "Première version."},

    {TermsKind::TermsOfService, "gd", "Teirmichean na seirbheise",
     "Bheir Tessera aon chunntas dhut airson clàradh a-steach do sheirbheisean poblach. Tha thu ag aontachadh "
     "fiosrachadh fìor a thoirt seachad mud dheidhinn fhèin, am facal-faire agus an dàrna dearbhadh agad a chumail "
     "agad fhèin, agus innse dhuinn sa bhad ma shaoileas tu gun do chleachd cuideigin eile an cunntas agad. "
     "Faodaidh sinn cunntas a chur à rèim ma thèid a chleachdadh gus seirbheis phoblach a mhealladh. Tha na "
     "riaghailtean aice fhèin aig gach seirbheis. Innsidh sinn dhut mus atharraich na teirmichean seo, agus "
     "iarraidh sinn ort gabhail ris an tionndadh ùr.",
     "A’ chiad tionndadh."},
    {TermsKind::PrivacyPolicy, "gd", "Poileasaidh prìobhaideachd",
     "Cumaidh sinn am fiosrachadh a bheir thu dhuinn (d’ ainm, do sheòladh puist-d, ceann-là do bhreith, do ghnè, "
     "do sheòladh agus d’ àireamh fòn) agus clàr de thachartasan tèarainteachd air a’ chunntas agad, leithid "
     "clàraidhean a-steach agus atharraichean facail-fhaire. Cha roinn sinn am fiosrachadh agad le seirbheis ach "
     "ma bheir thu cead, agus dìreach am fiosrachadh a tha a dhìth oirre. Cha chum sinn clàr de na nì thu am "
     "broinn seirbheise. Faodaidh tu am fiosrachadh agad fhaicinn is a cheartachadh uair sam bith, agus iarraidh "
     "gun tèid an cunntas agad a sguabadh às. Cha chumar am facal-faire agad ach mar hais aon-shligheach, agus tha "
     "fiosrachadh mothachail crioptaichte.",
     "A’ chiad tionndadh."},
    {TermsKind::DataCollection, "gd", "Poileasaidh cruinneachadh dàta",
     "Gus an cunntas agad a chruthachadh, cruinnichidh sinn d’ ainm, do sheòladh puist-d agus an cànan as fheàrr "
     "leat. Gus dearbhadh cò thu, faodaidh sinn ceann-là do bhreith, do ghnè, do sheòladh, agus sgrìobhainnean no "
     "bhidio iarraidh ort an uairsin, airson an adhbhair sin a-mhàin; bheir sinn sùil orra an aghaidh chlàran "
     "oifigeil. Cumaidh sinn am fiosrachadh agad fhad ’s a tha an cunntas agad fosgailte, agus clàran "
     "tèarainteachd cho fada ’s a dh’iarras an lagh. Le do chead, faodaidh sinn na chuir thu a-steach a chumail; "
     "faodaidh tu do chead a tharraing air ais le bhith a’ dùnadh a’ chunntais agad.",
     "A’ chiad tionndadh."},
};

}  // namespace

std::vector<TermsDocument> initialTermsDocuments(std::int64_t now) {
    std::vector<TermsDocument> out;
    for (const auto& text : kSeedTexts) {
        TermsDocument d;
        d.id = infra::random::id();
        d.kind = text.kind;
        d.language = text.language;
        d.version = 1;
        d.title = text.title;
        d.body = text.body;
        d.summaryOfChanges = text.summary;
        d.effectiveAt = now;
        d.createdAt = now;
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace tessera::core
