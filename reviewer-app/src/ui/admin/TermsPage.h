#pragma once
// The terms versions: a list per language, a draft editor with a preview of the text as the
// citizen will see it (Markdown rendered), publishing with an effective date after a
// confirmation, and a stale edit (412) shown as "someone else changed it: reload". The page asks
// through its signals; AdminPanel makes the calls.
#include <QDateTime>
#include <QMap>
#include <QWidget>

#include "admin/FieldErrors.h"
#include "admin/TermsDraftForm.h"
#include "admin/TermsVersionsModel.h"
#include "ui/admin/Confirm.h"

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace tessera::reviewer {

class TermsPage : public QWidget {
    Q_OBJECT

public:
    explicit TermsPage(QWidget* parent = nullptr);

    void setConfirm(ConfirmFn confirm) { confirm_ = std::move(confirm); }

    void setVersions(const QList<TermsVersion>& versions);
    // One version read whole (with its text): into the editor (read-only unless a draft).
    void showVersion(const TermsVersion& version);
    void showProblem(const Problem& problem);

    TermsVersionsModel& model() { return model_; }
    TermsDraftForm form() const;
    QString errorBeside(const QString& field) const;
    QString generalMessage() const;
    bool reloadOffered() const;
    // The preview as plain text (what the citizen reads, without the Markdown marks).
    QString previewText() const;
    void setEffectiveAt(const QDateTime& when);

    void selectLanguage(const QString& language);  // "" for all
    void select(int row);
    void startNew();
    void setTitle(const QString& title);
    void setBody(const QString& body);
    void save();
    void publish();
    void deleteDraft();
    void reload();

signals:
    void refreshRequested();
    void openRequested(const QString& id);
    void createRequested(const QJsonObject& fields);
    void editRequested(const QString& id, const QJsonObject& changes, const QByteArray& etag);
    void publishRequested(const QString& id, const QDateTime& effectiveAt, const QByteArray& etag);
    void deleteRequested(const QString& id, const QByteArray& etag);

private:
    void showErrors(const FieldErrors& errors);
    void clearErrors();
    void updatePreview();
    void setEditable(bool draft);

    TermsVersionsModel model_;
    ConfirmFn confirm_;
    TermsVersion shown_;  // what is in the editor as read from the server (empty id: a new draft)
    QComboBox* languageFilter_;
    QTableView* table_;
    QLabel* general_;
    QPushButton* reload_;
    QComboBox* kind_;
    QLineEdit* language_;
    QLineEdit* title_;
    QPlainTextEdit* body_;
    QLineEdit* summary_;
    QTextBrowser* preview_;
    QDateTimeEdit* effectiveAt_;
    QPushButton* save_;
    QPushButton* publish_;
    QPushButton* delete_;
    QMap<QString, QLabel*> errorLabels_;
};

}  // namespace tessera::reviewer
