#pragma once
// The connected services: a table, and a form to create or change one, every setting the
// server knows (sign-in, what the service receives, its consent text per language), with the
// server's field errors shown beside each field; disable (after a confirmation naming the
// service) and rotate the secret (the new one shown once in a SecretDialog). The page asks for
// changes through its signals; AdminPanel makes the calls and gives the answers back.
#include <QMap>
#include <QPointer>
#include <QWidget>

#include "admin/FieldErrors.h"
#include "admin/ServiceForm.h"
#include "admin/ServicesModel.h"
#include "client/AdminTypes.h"
#include "ui/admin/Confirm.h"
#include "ui/admin/SecretDialog.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTableView;

namespace tessera::reviewer {

class ChoiceList;

class ServicesPage : public QWidget {
    Q_OBJECT

public:
    explicit ServicesPage(QWidget* parent = nullptr);

    void setConfirm(ConfirmFn confirm) { confirm_ = std::move(confirm); }

    // The values the choices offer, as the server lists them.
    void setVocabulary(const ServiceVocabulary& vocabulary);
    void setServices(const QList<ServiceRecord>& services);
    // A service as saved (created, changed, disabled): into its row and the form.
    void showSaved(const ServiceRecord& service);
    // A new secret (after creating or rotating): shown once.
    void showSecret(const ServiceWithSecret& answer);
    // The server's refusal: field errors beside their fields, the rest above the form.
    void showProblem(const Problem& problem);

    ServicesModel& model() { return model_; }
    ServiceForm form() const;
    // Puts `form` in the fields, as an administrator would type and tick it.
    void fill(const ServiceForm& form);
    // The error shown beside a field ("name", "redirectUris", ...), for tests.
    QString errorBeside(const QString& field) const;
    QString generalMessage() const;
    SecretDialog* secretDialog() const { return secretDialog_; }

    // Puts the row's service in the form.
    void select(int row);
    // The form is cleared for a new service.
    void startNew();
    // What the buttons do, for tests and keyboard users alike.
    void save();
    void disableSelected();
    void rotateSelected();

signals:
    void refreshRequested();
    void createRequested(const QJsonObject& fields);
    void updateRequested(const QString& id, const QJsonObject& changes, const QByteArray& etag);
    void disableRequested(const QString& id);
    void rotateSecretRequested(const QString& id);

private:
    QWidget* buildEditor();
    QWidget* aboutSection();
    QWidget* signInSection();
    QWidget* sharingSection();
    // A labelled field with its error line under it, the error keyed by the server's field name.
    void addRow(QFormLayout* form, const QString& label, const QString& field, QWidget* widget);
    void setConsentLanguages(const QStringList& languages);
    void showErrors(const FieldErrors& errors);
    void clearErrors();
    const ServiceRecord* current() const;

    ServicesModel model_;
    ConfirmFn confirm_;
    QString currentId_;
    QByteArray currentEtag_;
    QTableView* table_;
    QScrollArea* scroll_ = nullptr;
    QLabel* general_;
    QLineEdit* name_;
    QLineEdit* description_;
    QLineEdit* logoUrl_;
    QPlainTextEdit* redirectUris_;
    QPlainTextEdit* postLogoutUris_;
    QLineEdit* backchannelUri_;
    QComboBox* clientType_;
    QComboBox* authMethod_;
    QLineEdit* jwksUri_;
    ChoiceList* grantTypes_;
    QComboBox* idTokenAlg_;
    ChoiceList* scopes_;
    ChoiceList* claims_;
    QSpinBox* minLoa_;
    QComboBox* subjectType_;
    QLineEdit* sectorIdentifier_;
    QLineEdit* eventPushUrl_;
    QFormLayout* consentRows_ = nullptr;
    QMap<QString, QLineEdit*> consent_;  // language -> text
    QMap<QString, QLabel*> errorLabels_;
    QPushButton* save_;
    QPushButton* disable_;
    QPushButton* rotate_;
    QPointer<SecretDialog> secretDialog_;
};

}  // namespace tessera::reviewer
