#pragma once
// The synthetic-defect panel: pick generators, tune their parameters, and see a live grid of samples
// (a normal image of the project with a generated defect, and its mask) made off the GUI thread — in the
// panel itself, or in a SyntheticPreview placed elsewhere (the window's central area). What it
// shows is the project's setting (settings.synthetic_generators), so training draws exactly these defects.
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
class SyntheticPreview;

class SyntheticPanel : public QWidget {
    Q_OBJECT
public:
    SyntheticPanel(std::shared_ptr<const GeneratorCatalog> catalog, ProjectSession* session,
                   QWidget* parent = nullptr);
    // The preview grid shown in `preview`, which lives elsewhere; the panel holds the controls.
    SyntheticPanel(std::shared_ptr<const GeneratorCatalog> catalog, ProjectSession* session,
                   SyntheticPreview* preview, QWidget* parent = nullptr);

    bool isEmptyState() const;
    QListWidget* generatorList() const { return m_list; }
    QListWidget* previewGrid() const;
    SyntheticPreview* preview() const { return m_preview; }
    // The samples shown in the preview grid, in grid order.
    const QList<SyntheticSample>& samples() const;
    QVariantMap parameters(const QString& generatorId) const { return m_values.value(generatorId); }
    void setParameter(const QString& generatorId, const QString& parameterId, const QVariant& value);
    QSize sizeHint() const override;
    static constexpr int k_samples = 8;

public Q_SLOTS:
    void regenerate();  // new seeds

Q_SIGNALS:
    void previewUpdated();

private:
    void showParameters(const QString& generatorId);
    void loadSettings();   // the project's ticked generators and parameters into the list and the editors
    void storeSettings();  // what the panel shows into the project: what training will draw
    void resetParameters();
    void applyTask();
    QWidget* editorFor(const QString& generatorId, const GeneratorParameter& p);
    void schedulePreview();
    void startPreview();
    void onPreviewReady();
    QStringList checkedGenerators() const;
    QString generatorName(const QString& id) const;

    std::shared_ptr<const GeneratorCatalog> m_catalog;
    QVector<GeneratorInfo> m_generators;
    ProjectSession* m_session;
    QStackedWidget* m_stack;
    QListWidget* m_list;
    QFormLayout* m_form;
    QLabel* m_paramTitle;
    QLabel* m_notApplicable;  // image classification: training draws no synthetic defects
    QWidget* m_formHost;
    SyntheticPreview* m_preview;
    bool m_ownsPreview;
    QTimer* m_debounce;
    QHash<QString, QVariantMap> m_values;
    quint64 m_seed = 1;
    QFutureWatcher<SyntheticSample> m_watcher;
    QStringList m_pendingNames;  // the generator's name for each sample of the run in progress
    bool m_again = false;
    bool m_loading = false;
};

}  // namespace kensa::ui
