#pragma once
// The synthetic-defect panel: pick generators, tune their parameters, and see a live grid of samples
// (a normal image of the project with a generated defect, and its mask) made off the GUI thread.
// With an empty catalog it says so plainly.

#include "synthetic/generator_catalog.h"

#include <QFutureWatcher>
#include <QHash>
#include <QWidget>

#include <memory>

class QFormLayout;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTimer;

namespace kensa::ui {

class ProjectSession;

class SyntheticPanel : public QWidget {
    Q_OBJECT
public:
    SyntheticPanel(std::shared_ptr<const GeneratorCatalog> catalog, ProjectSession* session,
                   QWidget* parent = nullptr);

    bool isEmptyState() const;
    QListWidget* generatorList() const { return m_list; }
    QListWidget* previewGrid() const { return m_grid; }
    QVariantMap parameters(const QString& generatorId) const { return m_values.value(generatorId); }
    void setParameter(const QString& generatorId, const QString& parameterId, const QVariant& value);
    static constexpr int k_samples = 8;

public Q_SLOTS:
    void regenerate();  // new seeds

Q_SIGNALS:
    void previewUpdated();

private:
    void showParameters(const QString& generatorId);
    QWidget* editorFor(const QString& generatorId, const GeneratorParameter& p);
    void schedulePreview();
    void startPreview();
    void onPreviewReady();
    QStringList checkedGenerators() const;

    std::shared_ptr<const GeneratorCatalog> m_catalog;
    QVector<GeneratorInfo> m_generators;
    ProjectSession* m_session;
    QStackedWidget* m_stack;
    QListWidget* m_list;
    QFormLayout* m_form;
    QWidget* m_formHost;
    QListWidget* m_grid;
    QLabel* m_status;
    QTimer* m_debounce;
    QHash<QString, QVariantMap> m_values;
    quint64 m_seed = 1;
    QFutureWatcher<SyntheticSample> m_watcher;
    bool m_again = false;
};

}  // namespace kensa::ui
