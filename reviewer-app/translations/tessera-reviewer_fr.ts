<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DecisionOutbox</name>
    <message>
        <source>The decision outbox is not open.</source>
        <translation>La boîte d&apos;envoi des décisions n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>The decision outbox is already open.</source>
        <translation>La boîte d&apos;envoi des décisions est déjà ouverte.</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>Le répertoire %1 n&apos;a pas pu être créé.</translation>
    </message>
    <message>
        <source>The file %1 could not be created.</source>
        <translation>Le fichier %1 n&apos;a pas pu être créé.</translation>
    </message>
    <message>
        <source>The decision outbox could not be opened.</source>
        <translation>La boîte d&apos;envoi des décisions n&apos;a pas pu être ouverte.</translation>
    </message>
    <message>
        <source>The decision outbox could not be set up.</source>
        <translation>La boîte d&apos;envoi des décisions n&apos;a pas pu être configurée.</translation>
    </message>
    <message>
        <source>A decision needs the reviewer, the server, the case and the decision.</source>
        <translation>Une décision nécessite le vérificateur, le serveur, le dossier et la décision.</translation>
    </message>
    <message>
        <source>A decision on this case is already waiting to be sent.</source>
        <translation>Une décision concernant ce dossier est déjà en attente d&apos;envoi.</translation>
    </message>
    <message>
        <source>No random idempotency key could be made (OpenSSL).</source>
        <translation>Aucune clé d&apos;idempotence aléatoire n&apos;a pu être générée (OpenSSL).</translation>
    </message>
    <message>
        <source>The decision could not be saved.</source>
        <translation>La décision n&apos;a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>The decision outbox lost a row it had just written.</source>
        <translation>La boîte d&apos;envoi des décisions a perdu une ligne qu&apos;elle venait d&apos;écrire.</translation>
    </message>
    <message>
        <source>The decision outbox could not be read.</source>
        <translation>La boîte d&apos;envoi des décisions n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>The decision outbox could not be updated.</source>
        <translation>La boîte d&apos;envoi des décisions n&apos;a pas pu être mise à jour.</translation>
    </message>
    <message>
        <source>This decision is no longer in the outbox.</source>
        <translation>Cette décision ne se trouve plus dans la boîte d&apos;envoi.</translation>
    </message>
</context>
<context>
    <name>IdTokenCheck</name>
    <message>
        <source>The server sent no valid ID token.</source>
        <translation>Le serveur n&apos;a envoyé aucun jeton d&apos;identité valide.</translation>
    </message>
    <message>
        <source>The server&apos;s ID token could not be read.</source>
        <translation>Le jeton d&apos;identité du serveur n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <source>The ID token was issued by another server.</source>
        <translation>Le jeton d&apos;identité a été émis par un autre serveur.</translation>
    </message>
    <message>
        <source>The ID token was issued to another application.</source>
        <translation>Le jeton d&apos;identité a été émis pour une autre application.</translation>
    </message>
    <message>
        <source>The ID token belongs to another sign-in.</source>
        <translation>Le jeton d&apos;identité appartient à une autre connexion.</translation>
    </message>
    <message>
        <source>The ID token has expired; check this computer&apos;s clock.</source>
        <translation>Le jeton d&apos;identité a expiré&#xa0;; vérifiez l&apos;horloge de cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>the case</source>
        <translation>le dossier</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an object</source>
        <translation>« %1 » n&apos;est pas un objet</translation>
    </message>
    <message>
        <source>&quot;id&quot; is empty</source>
        <translation>« id » est vide</translation>
    </message>
    <message>
        <source>&quot;state&quot; is not a known state</source>
        <translation>« state » n&apos;est pas un état connu</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>la note</translation>
    </message>
    <message>
        <source>The server&apos;s answer for %1 could not be read (%2). Try again; if it keeps happening, tell support.</source>
        <extracomment>%1 names the answer (&quot;the review queue&quot;), %2 says what was wrong with it.</extracomment>
        <translation>La réponse du serveur concernant %1 n&apos;a pas pu être lue (%2). Réessayez&#xa0;; si le problème persiste, contactez l&apos;assistance.</translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation>pas du JSON&#xa0;: %1 à l&apos;octet %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation>« %1 » est absent</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not text</source>
        <translation>« %1 » n&apos;est pas du texte</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>« %1 » n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false</source>
        <translation>« %1 » n&apos;est ni vrai ni faux</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time</source>
        <translation>« %1 » n&apos;est pas un horodatage</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a list</source>
        <translation>« %1 » n&apos;est pas une liste</translation>
    </message>
    <message>
        <source>the review queue</source>
        <translation>la file d&apos;attente de vérification</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty</source>
        <translation>« %1 » est vide</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known state</source>
        <translation>« %1 » n&apos;est pas un état connu</translation>
    </message>
    <message>
        <source>the queue counts</source>
        <translation>les compteurs de la file d&apos;attente</translation>
    </message>
    <message>
        <source>&quot;counts.%1&quot; is not a count</source>
        <translation>« counts.%1 » n&apos;est pas un nombre valide</translation>
    </message>
</context>
<context>
    <name>OidcDiscovery</name>
    <message>
        <source>The server&apos;s OpenID Connect configuration could not be read. Check the server address in the settings.</source>
        <translation>La configuration OpenID Connect du serveur n&apos;a pas pu être lue. Vérifiez l&apos;adresse du serveur dans les paramètres.</translation>
    </message>
    <message>
        <source>The server calls itself %1, not %2: check the server address in the settings, or ask the operator to set the server&apos;s public address.</source>
        <translation>Le serveur s&apos;identifie comme %1 et non comme %2&#xa0;: vérifiez l&apos;adresse du serveur dans les paramètres, ou demandez à l&apos;exploitant de définir l&apos;adresse publique du serveur.</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(rien)</translation>
    </message>
    <message>
        <source>The server&apos;s sign-in addresses are missing or do not use TLS (https).</source>
        <translation>Les adresses de connexion du serveur sont absentes ou n&apos;utilisent pas TLS (https).</translation>
    </message>
    <message>
        <source>The server does not offer PKCE with S256, which the workstation needs to sign in safely.</source>
        <translation>Le serveur ne propose pas PKCE avec S256, nécessaire au poste pour se connecter en toute sécurité.</translation>
    </message>
    <message>
        <source>The server at %1 could not be reached (%2). Check the network and the server address.</source>
        <translation>Le serveur à l&apos;adresse %1 est injoignable (%2). Vérifiez le réseau et l&apos;adresse du serveur.</translation>
    </message>
    <message>
        <source>The server at %1 did not give its OpenID Connect configuration (HTTP %2).</source>
        <translation>Le serveur à l&apos;adresse %1 n&apos;a pas fourni sa configuration OpenID Connect (HTTP %2).</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>The server did not answer within %1 seconds. Check the network connection and try again.</source>
        <translation>Le serveur n&apos;a pas répondu dans un délai de %1 secondes. Vérifiez la connexion réseau et réessayez.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than the workstation accepts.</source>
        <translation>La réponse du serveur dépasse la taille acceptée par le poste.</translation>
    </message>
    <message>
        <source>The identity of the server at %1 could not be verified (its TLS certificate), so nothing was sent. Check the server address, or ask your IT support.</source>
        <translation>L&apos;identité du serveur à l&apos;adresse %1 n&apos;a pas pu être vérifiée (son certificat TLS)&#xa0;; rien n&apos;a donc été envoyé. Vérifiez l&apos;adresse du serveur ou adressez-vous à votre service informatique.</translation>
    </message>
    <message>
        <source>The connection to the server was lost before it answered.</source>
        <translation>La connexion au serveur a été perdue avant sa réponse.</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached. Check the network connection.</source>
        <translation>Le serveur à l&apos;adresse %1 est injoignable. Vérifiez la connexion réseau.</translation>
    </message>
    <message>
        <source>You are not signed in, or your sign-in has ended. Sign in again.</source>
        <translation>Vous n&apos;êtes pas connecté ou votre session a pris fin. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Vous n&apos;êtes pas autorisé à effectuer cette action.</translation>
    </message>
    <message>
        <source>The server does not know this item.</source>
        <translation>Cet élément est inconnu du serveur.</translation>
    </message>
    <message>
        <source>This has changed on the server. Refresh and try again.</source>
        <translation>Cet élément a été modifié sur le serveur. Actualisez et réessayez.</translation>
    </message>
    <message>
        <source>This is too large for the server.</source>
        <translation>Cet élément est trop volumineux pour le serveur.</translation>
    </message>
    <message>
        <source>The server is busy. Wait a moment and try again.</source>
        <translation>Le serveur est occupé. Patientez un instant et réessayez.</translation>
    </message>
    <message>
        <source>The server could not do this just now. Try again in a moment.</source>
        <translation>Le serveur n&apos;a pas pu traiter cette demande pour le moment. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Le serveur a refusé la demande.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (%1).</source>
        <translation>La réponse du serveur n&apos;a pas pu être lue (%1).</translation>
    </message>
    <message>
        <source>The server did not say which values a service may be given.</source>
        <translation>Le serveur n’a pas indiqué les valeurs qu’un service peut recevoir.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Enter the address of the Tessera server.</source>
        <translation>Saisissez l&apos;adresse du serveur Tessera.</translation>
    </message>
    <message>
        <source>Enter a full address, such as https://id.example.gov.uk.</source>
        <translation>Saisissez une adresse complète, par exemple https://id.example.gov.uk.</translation>
    </message>
    <message>
        <source>The address must not contain a user name or password.</source>
        <translation>L&apos;adresse ne doit contenir ni nom d&apos;utilisateur ni mot de passe.</translation>
    </message>
    <message>
        <source>The address must not contain ? or #.</source>
        <translation>L&apos;adresse ne doit contenir ni&#xa0;? ni #.</translation>
    </message>
    <message>
        <source>The address must start with https:// (plain http only on this computer).</source>
        <translation>L&apos;adresse doit commencer par https:// (http simple uniquement sur cet ordinateur).</translation>
    </message>
    <message>
        <source>Write a message telling the citizen why, and what they can do next.</source>
        <translation>Rédigez un message expliquant au citoyen le motif de la décision et ce qu&apos;il peut faire ensuite.</translation>
    </message>
    <message>
        <source>Write a note for the senior reviewer.</source>
        <translation>Rédigez une note pour le vérificateur principal.</translation>
    </message>
    <message>
        <source>Shorten the message to the citizen to %1 characters or fewer.</source>
        <translation>Raccourcissez le message au citoyen à %1 caractères au maximum.</translation>
    </message>
    <message>
        <source>Shorten the note to %1 characters or fewer.</source>
        <translation>Raccourcissez la note à %1 caractères au maximum.</translation>
    </message>
</context>
<context>
    <name>ReviewLabels</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>%1 does not agree.</source>
        <translation>%1&#xa0;: non concordant.</translation>
    </message>
    <message>
        <source>The claim differs from the document.</source>
        <translation>La déclaration diffère du document.</translation>
    </message>
    <message numerus="yes">
        <source>The document expired %n day(s) ago.</source>
        <translation>
            <numerusform>Le document a expiré il y a %n jour.</numerusform>
            <numerusform>Le document a expiré il y a %n jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>The document register reports the document as %1.</source>
        <translation>Le registre des documents indique pour ce document le statut suivant&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En cours de vérification</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Signalé</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Document and video</source>
        <translation>Document et vidéo</translation>
    </message>
    <message>
        <source>Document photos</source>
        <translation>Photos du document</translation>
    </message>
    <message>
        <source>Duplicate person</source>
        <translation>Personne en double</translation>
    </message>
    <message>
        <source>Document front</source>
        <translation>Recto du document</translation>
    </message>
    <message>
        <source>Document back</source>
        <translation>Verso du document</translation>
    </message>
    <message>
        <source>Selfie video</source>
        <translation>Vidéo selfie</translation>
    </message>
    <message>
        <source>Birth register</source>
        <translation>Registre des naissances</translation>
    </message>
    <message>
        <source>Address register</source>
        <translation>Registre des adresses</translation>
    </message>
    <message>
        <source>Known-fact register</source>
        <translation>Registre des informations connues</translation>
    </message>
    <message>
        <source>Document register</source>
        <translation>Registre des documents</translation>
    </message>
    <message>
        <source>Birth</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Known fact</source>
        <translation>Information connue</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Concordant</translation>
    </message>
    <message>
        <source>Needed more questions</source>
        <translation>Questions supplémentaires requises</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucune correspondance</translation>
    </message>
    <message>
        <source>Already linked to another account</source>
        <translation>Déjà lié à un autre compte</translation>
    </message>
    <message>
        <source>Register unavailable</source>
        <translation>Registre indisponible</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Commencé</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumis</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Pris en charge</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Libéré</translation>
    </message>
    <message>
        <source>Claim lapsed</source>
        <translation>Prise en charge expirée</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Draft expired</source>
        <translation>Brouillon expiré</translation>
    </message>
    <message>
        <source>Photos and video deleted</source>
        <translation>Photos et vidéo supprimées</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <source>Mother&apos;s maiden name</source>
        <translation>Nom de naissance de la mère</translation>
    </message>
    <message>
        <source>Address line 1</source>
        <translation>Adresse (ligne 1)</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Adresse (ligne 2)</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Type de document</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Numéro du document</translation>
    </message>
    <message>
        <source>Issuing country</source>
        <translation>Pays de délivrance</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Date d&apos;expiration</translation>
    </message>
    <message>
        <source>Account already holding this person</source>
        <translation>Compte détenant déjà cette identité</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passeport</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Permis de conduire</translation>
    </message>
    <message>
        <source>National identity card</source>
        <translation>Carte nationale d&apos;identité</translation>
    </message>
    <message>
        <source>The document photos cannot be read clearly.</source>
        <translation>Les photos du document ne sont pas suffisamment lisibles.</translation>
    </message>
    <message>
        <source>The document has expired.</source>
        <translation>Le document a expiré.</translation>
    </message>
    <message>
        <source>The person in the selfie video does not match the document photo.</source>
        <translation>La personne figurant dans la vidéo selfie ne correspond pas à la photo du document.</translation>
    </message>
    <message>
        <source>The selfie video is too dark, blurred or short to compare.</source>
        <translation>La vidéo selfie est trop sombre, trop floue ou trop courte pour permettre la comparaison.</translation>
    </message>
    <message>
        <source>The details on the document do not match the details given.</source>
        <translation>Les informations figurant sur le document ne correspondent pas à celles déclarées.</translation>
    </message>
    <message>
        <source>The document or video may have been forged or altered.</source>
        <translation>Le document ou la vidéo pourrait avoir été falsifié ou modifié.</translation>
    </message>
    <message>
        <source>Another account already holds this person&apos;s identity.</source>
        <translation>Un autre compte détient déjà l&apos;identité de cette personne.</translation>
    </message>
    <message>
        <source>The case needs a senior reviewer&apos;s judgement.</source>
        <translation>Le dossier nécessite l&apos;appréciation d&apos;un vérificateur principal.</translation>
    </message>
    <message>
        <source>Another reason, explained in the note.</source>
        <translation>Autre motif, expliqué dans la note.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Flag for a senior reviewer</source>
        <translation>Signaler à un vérificateur principal</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>On time (%1 left)</source>
        <translation>Dans les délais (reste %1)</translation>
    </message>
    <message>
        <source>Due soon (%1 left)</source>
        <translation>Échéance proche (reste %1)</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>En retard de %1</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <source>Must be an absolute URL such as https://service.example/callback.</source>
        <translation>Doit être une URL absolue, par exemple https://service.example/callback.</translation>
    </message>
    <message>
        <source>Must not contain a fragment (#...).</source>
        <translation>Ne doit pas contenir de fragment (#...).</translation>
    </message>
    <message>
        <source>Give the service a name.</source>
        <translation>Indiquez le nom du service.</translation>
    </message>
    <message>
        <source>Allow at least one grant type.</source>
        <translation>Autorisez au moins un type d’octroi.</translation>
    </message>
</context>
<context>
    <name>TermsDraftForm</name>
    <message>
        <source>Choose the language of the text.</source>
        <translation>Choisissez la langue du texte.</translation>
    </message>
    <message>
        <source>Give the document a title.</source>
        <translation>Indiquez le titre du document.</translation>
    </message>
    <message>
        <source>Write the text the citizen will read.</source>
        <translation>Rédigez le texte que lira le citoyen.</translation>
    </message>
    <message>
        <source>Someone else changed this draft after you opened it. Reload it to see their version, then make your change again.</source>
        <translation>Une autre personne a modifié ce brouillon après que vous l&apos;avez ouvert. Rechargez-le pour voir sa version, puis refaites votre modification.</translation>
    </message>
</context>
<context>
    <name>TokenRequests</name>
    <message>
        <source>The server could not be reached (%1). The workstation will try again.</source>
        <translation>Le serveur est injoignable (%1). Le poste va réessayer.</translation>
    </message>
    <message>
        <source>The server could not answer (HTTP %1). The workstation will try again.</source>
        <translation>Le serveur n&apos;a pas pu répondre (HTTP %1). Le poste va réessayer.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to a token refresh could not be read. The workstation will try again.</source>
        <translation>La réponse du serveur au renouvellement du jeton n&apos;a pas pu être lue. Le poste va réessayer.</translation>
    </message>
    <message>
        <source>Your sign-in has ended: the server no longer accepts it (%1). Sign in again.</source>
        <translation>Votre session a pris fin&#xa0;: le serveur ne l&apos;accepte plus (%1). Reconnectez-vous.</translation>
    </message>
    <message>
        <source>The server offers no way to revoke tokens; the sign-in ends when it expires.</source>
        <translation>Le serveur ne permet pas de révoquer les jetons&#xa0;; la session prendra fin à son expiration.</translation>
    </message>
    <message>
        <source>The server refused to revoke the sign-in (%1).</source>
        <translation>Le serveur a refusé de révoquer la session (%1).</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::AccountsModel</name>
    <message>
        <source>Reviewer</source>
        <translation>Vérificateur</translation>
    </message>
    <message>
        <source>Senior reviewer</source>
        <translation>Vérificateur principal</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Citoyen</translation>
    </message>
    <message>
        <source>No staff role</source>
        <translation>Aucun rôle d&apos;agent</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Adresse électronique</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::AdminPanel</name>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::ApiClient</name>
    <message>
        <source>Enter the address of the Tessera server first.</source>
        <translation>Saisissez d&apos;abord l&apos;adresse du serveur Tessera.</translation>
    </message>
    <message>
        <source>This address is not on the Tessera server.</source>
        <translation>Cette adresse n&apos;appartient pas au serveur Tessera.</translation>
    </message>
    <message>
        <source>The server gave an answer the workstation does not expect.</source>
        <translation>Le serveur a renvoyé une réponse inattendue pour le poste.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>La réponse du serveur n&apos;a pas pu être lue.</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::BrowserSignIn</name>
    <message>
        <source>The sign-in in the browser was not finished in time. Sign in again when you are ready.</source>
        <translation>La connexion dans le navigateur n&apos;a pas été terminée à temps. Reconnectez-vous lorsque vous serez prêt.</translation>
    </message>
    <message>
        <source>This computer could not provide the random numbers a safe sign-in needs.</source>
        <translation>Cet ordinateur n&apos;a pas pu fournir les nombres aléatoires nécessaires à une connexion sécurisée.</translation>
    </message>
    <message>
        <source>Tessera Reviewer</source>
        <translation>Tessera Reviewer</translation>
    </message>
    <message>
        <source>Return to Tessera Reviewer: it finishes signing you in. You can close this tab.</source>
        <translation>Revenez à Tessera Reviewer&#xa0;: l&apos;application termine votre connexion. Vous pouvez fermer cet onglet.</translation>
    </message>
    <message>
        <source>The workstation could not open a local port for the browser to come back to.</source>
        <translation>Le poste n&apos;a pas pu ouvrir de port local permettant le retour du navigateur.</translation>
    </message>
    <message>
        <source>No web browser could be opened for the sign-in. Check that this computer has a default browser.</source>
        <translation>Aucun navigateur Web n&apos;a pu être ouvert pour la connexion. Vérifiez que cet ordinateur dispose d&apos;un navigateur par défaut.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>The server did not sign you in (%1).</source>
        <translation>Le serveur n&apos;a pas effectué votre connexion (%1).</translation>
    </message>
    <message>
        <source>The server did not sign you in: %1 (%2)</source>
        <translation>Le serveur n&apos;a pas effectué votre connexion&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>The browser came back with an answer that does not belong to this sign-in (its state differs), so it was refused. Sign in again.</source>
        <translation>Le navigateur a renvoyé une réponse qui n&apos;appartient pas à cette connexion (son paramètre state diffère)&#xa0;; elle a donc été refusée. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>The browser came back from another server (%1), so the answer was refused.</source>
        <translation>Le navigateur est revenu d&apos;un autre serveur (%1)&#xa0;; la réponse a donc été refusée.</translation>
    </message>
    <message>
        <source>The browser came back without a sign-in code. Sign in again.</source>
        <translation>Le navigateur est revenu sans code de connexion. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>The server did not answer when the sign-in was being completed (%1). Try again.</source>
        <translation>Le serveur n&apos;a pas répondu pendant la finalisation de la connexion (%1). Réessayez.</translation>
    </message>
    <message>
        <source>The server refused to complete the sign-in (%1). Sign in again.</source>
        <translation>Le serveur a refusé de finaliser la connexion (%1). Reconnectez-vous.</translation>
    </message>
    <message>
        <source>The server refused to complete the sign-in: %1 (%2)</source>
        <translation>Le serveur a refusé de finaliser la connexion&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>The sign-in did not complete. Return to Tessera Reviewer to see why and try again. You can close this tab.</source>
        <translation>La connexion n&apos;a pas abouti. Revenez à Tessera Reviewer pour en connaître la raison et réessayer. Vous pouvez fermer cet onglet.</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::CaseView</name>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Case problem</source>
        <translation>Problème de dossier</translation>
    </message>
    <message>
        <source>Case details and evidence</source>
        <translation>Détails et justificatifs du dossier</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Résumé du dossier</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Citoyen</translation>
    </message>
    <message>
        <source>Case state</source>
        <translation>État du dossier</translation>
    </message>
    <message>
        <source>Approve (A)</source>
        <translation>Approuver (A)</translation>
    </message>
    <message>
        <source>Approve the application</source>
        <translation>Approuver la demande</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>Rejeter (R)</translation>
    </message>
    <message>
        <source>Reject the application</source>
        <translation>Rejeter la demande</translation>
    </message>
    <message>
        <source>Flag (F)</source>
        <translation>Signaler (F)</translation>
    </message>
    <message>
        <source>Flag the application for a senior reviewer</source>
        <translation>Signaler la demande à un vérificateur principal</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Libérer</translation>
    </message>
    <message>
        <source>Release the case back to the queue</source>
        <translation>Libérer le dossier et le remettre dans la file d&apos;attente</translation>
    </message>
    <message>
        <source>Give the case back to the queue without deciding</source>
        <translation>Remettre le dossier dans la file d&apos;attente sans rendre de décision</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Détails du dossier</translation>
    </message>
    <message>
        <source>Claims and checks</source>
        <translation>Déclarations et vérifications</translation>
    </message>
    <message>
        <source>Mismatches</source>
        <translation>Discordances</translation>
    </message>
    <message>
        <source>Claims compared with the document and registers</source>
        <translation>Déclarations comparées au document et aux registres</translation>
    </message>
    <message>
        <source>Document checks</source>
        <translation>Vérifications du document</translation>
    </message>
    <message>
        <source>&amp;Claims</source>
        <translation>&amp;Déclarations</translation>
    </message>
    <message>
        <source>History and notes</source>
        <translation>Historique et notes</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Historique du dossier</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>A note for the case history (Ctrl+Enter adds it)</source>
        <translation>Note pour l&apos;historique du dossier (Ctrl+Enter pour l&apos;ajouter)</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Ajouter la &amp;note</translation>
    </message>
    <message>
        <source>Add the note to the case</source>
        <translation>Ajouter la note au dossier</translation>
    </message>
    <message>
        <source>&amp;History and notes</source>
        <translation>&amp;Historique et notes</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Justificatifs</translation>
    </message>
    <message>
        <source>Document back</source>
        <translation>Verso du document</translation>
    </message>
    <message>
        <source>Document front</source>
        <translation>Recto du document</translation>
    </message>
    <message>
        <source>Face comparison</source>
        <translation>Comparaison des visages</translation>
    </message>
    <message>
        <source>Captured frame</source>
        <translation>Image capturée</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Aucun dossier ouvert</translation>
    </message>
    <message>
        <source>Claim the next case from the queue (N).</source>
        <translation>Prenez en charge le dossier suivant de la file d&apos;attente (N).</translation>
    </message>
    <message>
        <source>Capture a frame from the video (C) to compare it with the portrait.</source>
        <translation>Capturez une image de la vidéo (C) pour la comparer au portrait.</translation>
    </message>
    <message>
        <source>Claim the case to see the citizen&apos;s details.</source>
        <translation>Prenez en charge le dossier pour afficher les informations du citoyen.</translation>
    </message>
    <message>
        <source>Everything agrees.</source>
        <translation>Tout concorde.</translation>
    </message>
    <message numerus="yes">
        <source>%n mismatch(es): check the highlighted rows.</source>
        <translation>
            <numerusform>%n discordance&#xa0;: vérifiez les lignes surlignées.</numerusform>
            <numerusform>%n discordances&#xa0;: vérifiez les lignes surlignées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Claim the case to see this.</source>
        <translation>Prenez en charge le dossier pour afficher ces informations.</translation>
    </message>
    <message>
        <source>Loading the video…</source>
        <translation>Chargement de la vidéo…</translation>
    </message>
    <message>
        <source>Loading the photo…</source>
        <translation>Chargement de la photo…</translation>
    </message>
    <message>
        <source>No photo of the front</source>
        <translation>Aucune photo du recto</translation>
    </message>
    <message>
        <source>No photo of the back</source>
        <translation>Aucune photo du verso</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Niveau %1</translation>
    </message>
    <message>
        <source>Flagged: %1</source>
        <translation>Signalé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your claim ends %1</source>
        <translation>Votre prise en charge prend fin le %1</translation>
    </message>
    <message>
        <source>Another reviewer holds this case</source>
        <translation>Un autre vérificateur a pris en charge ce dossier</translation>
    </message>
    <message>
        <source>No identity document.</source>
        <translation>Aucune pièce d&apos;identité.</translation>
    </message>
    <message numerus="yes">
        <source>Expired on %1 (%n day(s) ago).</source>
        <translation>
            <numerusform>Expiré le %1 (il y a %n jour).</numerusform>
            <numerusform>Expiré le %1 (il y a %n jours).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Valid until %1 (%n day(s) left).</source>
        <translation>
            <numerusform>Valide jusqu&apos;au %1 (%n jour restant).</numerusform>
            <numerusform>Valide jusqu&apos;au %1 (%n jours restants).</numerusform>
        </translation>
    </message>
    <message>
        <source>No document register covers this document type.</source>
        <translation>Aucun registre de documents ne couvre ce type de document.</translation>
    </message>
    <message>
        <source>Document register: %1.</source>
        <translation>Registre des documents&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1&#xa0;: %2 %3</translation>
    </message>
    <message>
        <source>Claim this case before deciding on it.</source>
        <translation>Prenez en charge ce dossier avant de rendre une décision.</translation>
    </message>
    <message>
        <source>Open a case first.</source>
        <translation>Ouvrez d&apos;abord un dossier.</translation>
    </message>
    <message>
        <source>Shorten the note to %1 characters or fewer.</source>
        <translation>Raccourcissez la note à %1 caractères au maximum.</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::ClaimsComparisonModel</name>
    <message>
        <source>%1: agrees</source>
        <translation>%1&#xa0;: concordant</translation>
    </message>
    <message>
        <source>%1: disagrees</source>
        <translation>%1&#xa0;: non concordant</translation>
    </message>
    <message>
        <source>%1 agrees.</source>
        <translation>%1&#xa0;: concordant.</translation>
    </message>
    <message>
        <source>%1 does not agree.</source>
        <translation>%1&#xa0;: non concordant.</translation>
    </message>
    <message>
        <source>Mismatch</source>
        <translation>Discordance</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Mismatch: %1</source>
        <translation>Discordance&#xa0;: %1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Citizen&apos;s claim</source>
        <translation>Déclaration du citoyen</translation>
    </message>
    <message>
        <source>On the document</source>
        <translation>Sur le document</translation>
    </message>
    <message>
        <source>Register checks</source>
        <translation>Vérifications des registres</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::DecisionDialog</name>
    <message>
        <source>this citizen</source>
        <translation>ce citoyen</translation>
    </message>
    <message>
        <source>Decide on %1&apos;s application</source>
        <translation>Décision sur la demande de %1</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Decision steps</source>
        <translation>Étapes de la décision</translation>
    </message>
    <message>
        <source>Choose the decision</source>
        <translation>Choisissez la décision</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Rejeter</translation>
    </message>
    <message>
        <source>&amp;Flag for a senior reviewer</source>
        <translation>&amp;Signaler à un vérificateur principal</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Reas&amp;on:</source>
        <translation>Moti&amp;f&#xa0;:</translation>
    </message>
    <message>
        <source>Message to the citizen</source>
        <translation>Message au citoyen</translation>
    </message>
    <message>
        <source>What went wrong, and what they can do next. The citizen reads this.</source>
        <translation>Ce qui n&apos;a pas abouti et ce que le citoyen peut faire ensuite. Ce message est lu par le citoyen.</translation>
    </message>
    <message>
        <source>&amp;Message to the citizen:</source>
        <translation>&amp;Message au citoyen&#xa0;:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>What needs fixing</source>
        <translation>Points à corriger</translation>
    </message>
    <message>
        <source>&amp;Continue…</source>
        <translation>&amp;Continuer…</translation>
    </message>
    <message>
        <source>Continue to the confirmation</source>
        <translation>Passer à la confirmation</translation>
    </message>
    <message>
        <source>Cancel the decision</source>
        <translation>Annuler la décision</translation>
    </message>
    <message>
        <source>Confirm the decision</source>
        <translation>Confirmer la décision</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>Re&amp;tour</translation>
    </message>
    <message>
        <source>Back to change the decision</source>
        <translation>Revenir en arrière pour modifier la décision</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Choisissez un motif…</translation>
    </message>
    <message>
        <source>&amp;Note for the senior reviewer:</source>
        <translation>&amp;Note pour le vérificateur principal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Note for the case history (optional):</source>
        <translation>&amp;Note pour l&apos;historique du dossier (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <source>Note for the senior reviewer</source>
        <translation>Note pour le vérificateur principal</translation>
    </message>
    <message>
        <source>Note for the case history</source>
        <translation>Note pour l&apos;historique du dossier</translation>
    </message>
    <message>
        <source>Approve the application of %1? Their identity will count as verified at the level they applied for.</source>
        <translation>Approuver la demande de %1&#xa0;? Son identité sera considérée comme vérifiée au niveau de garantie demandé.</translation>
    </message>
    <message>
        <source>Confirm approval</source>
        <translation>Confirmer l&apos;approbation</translation>
    </message>
    <message>
        <source>Reject the application of %1?

Reason: %2

%1 will read:
%3</source>
        <translation>Rejeter la demande de %1&#xa0;?

Motif&#xa0;: %2

%1 lira&#xa0;:
%3</translation>
    </message>
    <message>
        <source>Confirm rejection</source>
        <translation>Confirmer le rejet</translation>
    </message>
    <message>
        <source>Flag the application of %1 for a senior reviewer?

Reason: %2

Note: %3</source>
        <translation>Signaler la demande de %1 à un vérificateur principal&#xa0;?

Motif&#xa0;: %2

Note&#xa0;: %3</translation>
    </message>
    <message>
        <source>Confirm flag</source>
        <translation>Confirmer le signalement</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::HistoryModel</name>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::ImageViewer</name>
    <message>
        <source>%1 tools</source>
        <translation>Outils&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 area</source>
        <translation>Zone&#xa0;: %1</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Aucune photo</translation>
    </message>
    <message>
        <source>%1 status</source>
        <translation>État&#xa0;: %1</translation>
    </message>
    <message>
        <source>Drag or use the arrow keys to pan; + and - zoom, 0 fits, 1 shows actual size, T turns, M magnifies.</source>
        <translation>Faites glisser ou utilisez les touches fléchées pour vous déplacer&#xa0;; + et - zooment, 0 ajuste à la fenêtre, 1 affiche la taille réelle, T fait pivoter, M active la loupe.</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom arrière (-)</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>Niveau de zoom</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit to window (0)</source>
        <translation>Ajuster à la fenêtre (0)</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Actual size (1)</source>
        <translation>Taille réelle (1)</translation>
    </message>
    <message>
        <source>Turn left (Shift+T)</source>
        <translation>Pivoter à gauche (Shift+T)</translation>
    </message>
    <message>
        <source>Turn right (T)</source>
        <translation>Pivoter à droite (T)</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Loupe</translation>
    </message>
    <message>
        <source>Magnifier (M)</source>
        <translation>Loupe (M)</translation>
    </message>
    <message>
        <source>This photo cannot be shown: it is not an image this workstation can read.</source>
        <translation>Cette photo ne peut pas être affichée&#xa0;: son format d&apos;image n&apos;est pas lisible par ce poste.</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::MagnifierLens</name>
    <message>
        <source>Magnifier</source>
        <translation>Loupe</translation>
    </message>
    <message>
        <source>Shows the part of the photo under the pointer enlarged.</source>
        <translation>Affiche en agrandi la partie de la photo située sous le pointeur.</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::MainWindow</name>
    <message>
        <source>Tessera Reviewer</source>
        <translation>Tessera Reviewer</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>No staff role</source>
        <translation>Aucun rôle d&apos;agent</translation>
    </message>
    <message>
        <source>Decisions waiting to be delivered</source>
        <translation>Décisions en attente d&apos;envoi</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Vérification</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>Decisions cannot be kept on this computer: %1</source>
        <translation>Les décisions ne peuvent pas être conservées sur cet ordinateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Decisions are waiting: sign in again to deliver them.</source>
        <translation>Des décisions sont en attente&#xa0;: reconnectez-vous pour les envoyer.</translation>
    </message>
    <message>
        <source>The decision outbox cannot be opened: %1</source>
        <translation>La boîte d&apos;envoi des décisions ne peut pas être ouverte&#xa0;: %1</translation>
    </message>
    <message>
        <source>No server is configured: start the workstation with --server https://… or ask IT support.</source>
        <translation>Aucun serveur n&apos;est configuré&#xa0;: démarrez le poste avec --server https://… ou adressez-vous à votre service informatique.</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Connecté en tant que %1 (%2).</translation>
    </message>
    <message>
        <source>%1 has no staff role at this server. Ask an administrator for the reviewer role.</source>
        <translation>%1 n&apos;a aucun rôle d&apos;agent sur ce serveur. Demandez le rôle de vérificateur à un administrateur.</translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation>Vous êtes déconnecté.</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) waiting to be delivered</source>
        <translation>
            <numerusform>%n décision en attente d&apos;envoi</numerusform>
            <numerusform>%n décisions en attente d&apos;envoi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::QueueModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Niveau %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Reviewer %1</source>
        <translation>Vérificateur %1</translation>
    </message>
    <message>
        <source>Claim ends %1</source>
        <translation>Prise en charge jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>Soumis le %1</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Justificatifs</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Délai cible</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>Pris en charge par</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::QueueView</name>
    <message>
        <source>Review queue</source>
        <translation>File d&apos;attente de vérification</translation>
    </message>
    <message>
        <source>Queue problem</source>
        <translation>Problème de file d&apos;attente</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>N claims the next case, Enter opens the selected case, F5 refreshes.</source>
        <translation>N prend en charge le dossier suivant, Enter ouvre le dossier sélectionné, F5 actualise.</translation>
    </message>
    <message>
        <source>Queue status</source>
        <translation>État de la file d&apos;attente</translation>
    </message>
    <message>
        <source>Queue filters</source>
        <translation>Filtres de la file d&apos;attente</translation>
    </message>
    <message>
        <source>Show cases in state</source>
        <translation>Afficher les dossiers à l&apos;état</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat&#xa0;:</translation>
    </message>
    <message>
        <source>Show cases with evidence</source>
        <translation>Afficher les dossiers selon les justificatifs</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>&amp;Justificatifs&#xa0;:</translation>
    </message>
    <message>
        <source>Cases per state</source>
        <translation>Dossiers par état</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the queue (F5)</source>
        <translation>Actualiser la file d&apos;attente (F5)</translation>
    </message>
    <message>
        <source>Refresh the queue</source>
        <translation>Actualiser la file d&apos;attente</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the selected case (Enter)</source>
        <translation>Ouvrir le dossier sélectionné (Enter)</translation>
    </message>
    <message>
        <source>Open the selected case</source>
        <translation>Ouvrir le dossier sélectionné</translation>
    </message>
    <message>
        <source>Claim next</source>
        <translation>Prendre le suivant</translation>
    </message>
    <message>
        <source>Claim the next case waiting (N)</source>
        <translation>Prendre en charge le prochain dossier en attente (N)</translation>
    </message>
    <message>
        <source>Claim the next case</source>
        <translation>Prendre en charge le dossier suivant</translation>
    </message>
    <message>
        <source>Needing review</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Waiting %1 · In review %2 · Flagged %3</source>
        <translation>En attente %1 · En cours de vérification %2 · Signalés %3</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) shown</source>
        <translation>
            <numerusform>%n dossier affiché</numerusform>
            <numerusform>%n dossiers affichés</numerusform>
        </translation>
    </message>
    <message>
        <source> · more load as you scroll</source>
        <translation> · la suite se charge au défilement</translation>
    </message>
    <message>
        <source> · working…</source>
        <translation> · traitement en cours…</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::ReviewDesk</name>
    <message>
        <source>Reviewing</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;File d&apos;attente</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>D&amp;ossier</translation>
    </message>
    <message>
        <source>Decision recorded: %1 (level of assurance now %2).</source>
        <translation>Décision enregistrée&#xa0;: %1 (niveau de garantie désormais&#xa0;: %2).</translation>
    </message>
    <message>
        <source>The decision on case %1 was refused: %2</source>
        <translation>La décision concernant le dossier %1 a été refusée&#xa0;: %2</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>%1 for %2: sending…</source>
        <translation>%1 pour %2&#xa0;: envoi en cours…</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::RolesPage</name>
    <message>
        <source>Grant…</source>
        <translation>Attribuer…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Email or name</source>
        <translation>Adresse électronique ou nom</translation>
    </message>
    <message>
        <source>Only accounts with the role</source>
        <translation>Uniquement les comptes ayant le rôle</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>Tous les rôles</translation>
    </message>
    <message>
        <source>Role to grant or revoke</source>
        <translation>Rôle à attribuer ou à retirer</translation>
    </message>
    <message>
        <source>Grant the role</source>
        <translation>Attribuer le rôle</translation>
    </message>
    <message>
        <source>Revoke the role</source>
        <translation>Retirer le rôle</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation>Rechercher des comptes</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>%1 now has: %2.</source>
        <translation>%1 a désormais&#xa0;: %2.</translation>
    </message>
    <message>
        <source>no staff role</source>
        <translation>aucun rôle d&apos;agent</translation>
    </message>
    <message>
        <source>Choose an account first.</source>
        <translation>Choisissez d&apos;abord un compte.</translation>
    </message>
    <message>
        <source>Grant role</source>
        <translation>Attribuer un rôle</translation>
    </message>
    <message>
        <source>Give %1 the role %2?</source>
        <translation>Attribuer le rôle %2 à %1&#xa0;?</translation>
    </message>
    <message>
        <source>Revoke role</source>
        <translation>Retirer un rôle</translation>
    </message>
    <message>
        <source>Take the role %2 away from %1?</source>
        <translation>Retirer le rôle %2 à %1&#xa0;?</translation>
    </message>
    <message>
        <source>Email or name; leave empty to list every member of staff</source>
        <translation>E-mail ou nom ; laissez vide pour lister tout le personnel</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::SecretDialog</name>
    <message>
        <source>New client secret for %1</source>
        <translation>Nouveau secret client pour %1</translation>
    </message>
    <message>
        <source>New client secret</source>
        <translation>Nouveau secret client</translation>
    </message>
    <message>
        <source>Copy this secret now and give it to the service&apos;s operator by a safe channel. It is shown only this once: when you close this window it cannot be shown again.</source>
        <translation>Copiez ce secret maintenant et transmettez-le à l&apos;exploitant du service par un canal sûr. Il n&apos;est affiché qu&apos;une seule fois&#xa0;: une fois cette fenêtre fermée, il ne pourra plus être affiché.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation>Copier le secret</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::ServicesModel</name>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Identifiant client</translation>
    </message>
    <message>
        <source>Redirect URIs</source>
        <translation>URI de redirection</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::ServicesPage</name>
    <message>
        <source>Problems with the service</source>
        <translation>Problèmes concernant le service</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Désactiver…</translation>
    </message>
    <message>
        <source>Rotate secret…</source>
        <translation>Renouveler le secret…</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Connected services</source>
        <translation>Services raccordés</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>Nom du service</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Redirect URIs, one per line</source>
        <translation>URI de redirection, une par ligne</translation>
    </message>
    <message>
        <source>Post-logout redirect URIs, one per line</source>
        <translation>URI de redirection après déconnexion, une par ligne</translation>
    </message>
    <message>
        <source>Save the service</source>
        <translation>Enregistrer le service</translation>
    </message>
    <message>
        <source>Disable the service</source>
        <translation>Désactiver le service</translation>
    </message>
    <message>
        <source>Rotate the client secret</source>
        <translation>Renouveler le secret client</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>Problème dans le champ «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Redirect URIs</source>
        <translation>URI de redirection</translation>
    </message>
    <message>
        <source>Post-logout URIs</source>
        <translation>URI après déconnexion</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>Nouveau service</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the services</source>
        <translation>Actualiser la liste des services</translation>
    </message>
    <message>
        <source>Service details</source>
        <translation>Détails du service</translation>
    </message>
    <message>
        <source>Services and details</source>
        <translation>Services et détails</translation>
    </message>
    <message>
        <source>Disable service</source>
        <translation>Désactiver le service</translation>
    </message>
    <message>
        <source>Disable “%1”? Citizens will no longer be able to sign in to it, and its tokens stop working.</source>
        <translation>Désactiver «&#xa0;%1&#xa0;»&#xa0;? Les citoyens ne pourront plus s&apos;y connecter et ses jetons cesseront de fonctionner.</translation>
    </message>
    <message>
        <source>Rotate secret</source>
        <translation>Renouveler le secret</translation>
    </message>
    <message>
        <source>Make a new client secret for “%1”? The old secret stops working at once.</source>
        <translation>Générer un nouveau secret client pour «&#xa0;%1&#xa0;»&#xa0;? L&apos;ancien secret cessera immédiatement de fonctionner.</translation>
    </message>
    <message>
        <source>Logo URL</source>
        <translation>URL du logo</translation>
    </message>
    <message>
        <source>Back-channel logout URI</source>
        <translation>URI de déconnexion en arrière-plan</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>Type de client</translation>
    </message>
    <message>
        <source>Token endpoint authentication</source>
        <translation>Authentification au point de terminaison des jetons</translation>
    </message>
    <message>
        <source>Public keys (JWKS) URL</source>
        <translation>URL des clés publiques (JWKS)</translation>
    </message>
    <message>
        <source>Grant types</source>
        <translation>Types d’octroi</translation>
    </message>
    <message>
        <source>Token signing algorithm</source>
        <translation>Algorithme de signature des jetons</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Portées</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>Subject identifiers</source>
        <translation>Identifiants de sujet</translation>
    </message>
    <message>
        <source>Sector identifier URI</source>
        <translation>URI d’identifiant de secteur</translation>
    </message>
    <message>
        <source>Event delivery URL</source>
        <translation>URL de livraison des événements</translation>
    </message>
    <message>
        <source>Lowest level of assurance</source>
        <translation>Niveau de garantie minimal</translation>
    </message>
    <message>
        <source>Citizens below this level are asked to prove their identity before they reach the service.</source>
        <translation>Les citoyens en dessous de ce niveau doivent prouver leur identité avant d’accéder au service.</translation>
    </message>
    <message>
        <source>Service settings</source>
        <translation>Paramètres du service</translation>
    </message>
    <message>
        <source>About the service</source>
        <translation>À propos du service</translation>
    </message>
    <message>
        <source>Consent text</source>
        <translation>Texte de consentement</translation>
    </message>
    <message>
        <source>Why it asks</source>
        <translation>Pourquoi il demande</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Back-channel logout</source>
        <translation>Déconnexion en arrière-plan</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Public keys (JWKS)</source>
        <translation>Clés publiques (JWKS)</translation>
    </message>
    <message>
        <source>Token signing</source>
        <translation>Signature des jetons</translation>
    </message>
    <message>
        <source>What the service receives</source>
        <translation>Ce que le service reçoit</translation>
    </message>
    <message>
        <source>Lowest level</source>
        <translation>Niveau minimal</translation>
    </message>
    <message>
        <source>Sector identifier</source>
        <translation>Identifiant de secteur</translation>
    </message>
    <message>
        <source>Event delivery</source>
        <translation>Livraison des événements</translation>
    </message>
    <message>
        <source>Why the service asks, in %1</source>
        <extracomment>%1 is a language code such as en, fr or gd.</extracomment>
        <translation>Pourquoi le service demande, en %1</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::SignIn</name>
    <message>
        <source>Your saved sign-in has ended. Sign in again.</source>
        <translation>Votre connexion enregistrée a pris fin. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again.</source>
        <translation>Votre connexion a expiré. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation>Vous êtes déconnecté.</translation>
    </message>
    <message>
        <source>You are signed out here, but the server could not be told: %1</source>
        <translation>Vous êtes déconnecté sur ce poste, mais le serveur n&apos;a pas pu en être informé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server has ended your sign-in.</source>
        <translation>Le serveur a mis fin à votre connexion.</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::SignInPage</name>
    <message>
        <source>&amp;Sign in with Tessera</source>
        <translation>Se &amp;connecter avec Tessera</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Sign-in title</source>
        <translation>Titre de la connexion</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Message de connexion</translation>
    </message>
    <message>
        <source>Sign in with Tessera</source>
        <translation>Se connecter avec Tessera</translation>
    </message>
    <message>
        <source>Tessera Reviewer</source>
        <translation>Tessera Reviewer</translation>
    </message>
    <message>
        <source>Sign in with your staff account. Your browser opens to do it.</source>
        <translation>Connectez-vous avec votre compte d&apos;agent. Votre navigateur s&apos;ouvre à cet effet.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>The workstation was locked after a time without use. %1, sign in again to go on.</source>
        <translation>Le poste a été verrouillé après une période d&apos;inactivité. %1, reconnectez-vous pour continuer.</translation>
    </message>
    <message>
        <source>Signing in with the sign-in kept on this computer…</source>
        <translation>Connexion avec la session conservée sur cet ordinateur…</translation>
    </message>
    <message>
        <source>Finish signing in in your browser, then come back here.</source>
        <translation>Terminez la connexion dans votre navigateur, puis revenez ici.</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::TermsPage</name>
    <message>
        <source>Problems with the draft</source>
        <translation>Problèmes concernant le brouillon</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publier…</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>Supprimer le brouillon…</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Language shown</source>
        <translation>Langue affichée</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Toutes les langues</translation>
    </message>
    <message>
        <source>Terms versions</source>
        <translation>Versions des conditions</translation>
    </message>
    <message>
        <source>Reload the draft</source>
        <translation>Recharger le brouillon</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Language code</source>
        <translation>Code de langue</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Text (Markdown)</source>
        <translation>Texte (Markdown)</translation>
    </message>
    <message>
        <source>Summary of changes</source>
        <translation>Résumé des modifications</translation>
    </message>
    <message>
        <source>Preview as the citizen will see it</source>
        <translation>Aperçu tel que le citoyen le verra</translation>
    </message>
    <message>
        <source>Takes effect on</source>
        <translation>Date d&apos;entrée en vigueur</translation>
    </message>
    <message>
        <source>Save the draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Publish the draft</source>
        <translation>Publier le brouillon</translation>
    </message>
    <message>
        <source>Delete the draft</source>
        <translation>Supprimer le brouillon</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>Problème dans le champ «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>New draft</source>
        <translation>Nouveau brouillon</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the terms versions</source>
        <translation>Actualiser les versions des conditions</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Takes effect on:</source>
        <translation>Date d&apos;entrée en vigueur&#xa0;:</translation>
    </message>
    <message>
        <source>Draft editor</source>
        <translation>Éditeur de brouillon</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>As the citizen will see it:</source>
        <translation>Tel que le citoyen le verra&#xa0;:</translation>
    </message>
    <message>
        <source>Editor and preview</source>
        <translation>Éditeur et aperçu</translation>
    </message>
    <message>
        <source>Versions and editor</source>
        <translation>Versions et éditeur</translation>
    </message>
    <message>
        <source>Publish terms</source>
        <translation>Publier les conditions</translation>
    </message>
    <message>
        <source>Publish “%1” (%2, version %3) to take effect on %4? Published terms cannot be changed; citizens will be asked to accept them.</source>
        <translation>Publier «&#xa0;%1&#xa0;» (%2, version %3) avec une entrée en vigueur le %4&#xa0;? Les conditions publiées ne peuvent plus être modifiées&#xa0;; les citoyens seront invités à les accepter.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Supprimer le brouillon</translation>
    </message>
    <message>
        <source>Delete the draft “%1”? Its text will be lost.</source>
        <translation>Supprimer le brouillon «&#xa0;%1&#xa0;»&#xa0;? Son texte sera perdu.</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::TermsVersionsModel</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programmée</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Remplacée</translation>
    </message>
    <message>
        <source>Terms of service</source>
        <translation>Conditions d&apos;utilisation</translation>
    </message>
    <message>
        <source>Privacy policy</source>
        <translation>Politique de confidentialité</translation>
    </message>
    <message>
        <source>Data collection</source>
        <translation>Collecte des données</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Non publiée</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Takes effect</source>
        <translation>Entrée en vigueur</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::TokenVault</name>
    <message>
        <source>Your sign-in is kept in this computer&apos;s keychain.</source>
        <translation>Votre connexion est conservée dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer (%1). Your sign-in is kept only while the workstation runs: you will be asked to sign in again next time.</source>
        <translation>Aucun trousseau n&apos;est disponible sur cet ordinateur (%1). Votre connexion n&apos;est conservée que pendant l&apos;exécution du poste&#xa0;: vous devrez vous reconnecter la prochaine fois.</translation>
    </message>
</context>
<context>
    <name>tessera::reviewer::VideoPanel</name>
    <message>
        <source>Selfie video</source>
        <translation>Vidéo selfie</translation>
    </message>
    <message>
        <source>Selfie video area</source>
        <translation>Zone de la vidéo selfie</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>Aucune vidéo</translation>
    </message>
    <message>
        <source>Video status</source>
        <translation>État de la vidéo</translation>
    </message>
    <message>
        <source>Selfie video picture</source>
        <translation>Image de la vidéo selfie</translation>
    </message>
    <message>
        <source>Video controls</source>
        <translation>Commandes vidéo</translation>
    </message>
    <message>
        <source>The video cannot be played here (%1).</source>
        <translation>La vidéo ne peut pas être lue ici (%1).</translation>
    </message>
    <message>
        <source>Previous frame (,)</source>
        <translation>Image précédente (,)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Lecture ou pause (Space)</translation>
    </message>
    <message>
        <source>Next frame (.)</source>
        <translation>Image suivante (.)</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>Position dans la vidéo</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <source>Playback speed ([ slower, ] faster)</source>
        <translation>Vitesse de lecture ([ plus lente, ] plus rapide)</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capturer</translation>
    </message>
    <message>
        <source>Capture this frame (C)</source>
        <translation>Capturer cette image (C)</translation>
    </message>
    <message>
        <source>The video is empty.</source>
        <translation>La vidéo est vide.</translation>
    </message>
    <message>
        <source>There is no frame to capture yet: play or step through the video first.</source>
        <translation>Aucune image à capturer pour le moment&#xa0;: lisez d&apos;abord la vidéo ou parcourez-la image par image.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
</TS>
