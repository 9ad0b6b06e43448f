<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ReportWriter</name>
    <message numerus="yes">
        <location filename="../ui/review/report_pdf.cpp" line="461"/>
        <location filename="../ui/review/report_writer.cpp" line="420"/>
        <source>The %n highest-scoring image(s)</source>
        <translation>
            <numerusform>The %n highest-scoring image</numerusform>
            <numerusform>The %n highest-scoring images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::ImageBrowser</name>
    <message numerus="yes">
        <location filename="../ui/browser/image_browser.cpp" line="109"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/browser/image_browser.cpp" line="110"/>
        <source>%1 of %n image(s)</source>
        <translation>
            <numerusform>%1 of %n image</numerusform>
            <numerusform>%1 of %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::ProjectActions</name>
    <message numerus="yes">
        <location filename="../ui/main/project_actions.cpp" line="212"/>
        <source>Added %n image(s) from %1.</source>
        <translation>
            <numerusform>Added %n image from %1.</numerusform>
            <numerusform>Added %n images from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::ReviewPanel</name>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="160"/>
        <source>Inspecting %n image(s)…</source>
        <translation>
            <numerusform>Inspecting %n image…</numerusform>
            <numerusform>Inspecting %n images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="176"/>
        <source>%n image(s) inspected in %1 s.</source>
        <translation>
            <numerusform>%n image inspected in %1 s.</numerusform>
            <numerusform>%n images inspected in %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="180"/>
        <source>%n image(s) the model trained on left out.</source>
        <translation>
            <numerusform>%n image the model trained on left out.</numerusform>
            <numerusform>%n images the model trained on left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::RunPanel</name>
    <message numerus="yes">
        <location filename="../ui/run/run_panel.cpp" line="146"/>
        <source>Stopped. %n frame(s) dropped while inspection was behind.</source>
        <translation>
            <numerusform>Stopped. %n frame dropped while inspection was behind.</numerusform>
            <numerusform>Stopped. %n frames dropped while inspection was behind.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::SyntheticPanel</name>
    <message numerus="yes">
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="419"/>
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n sample</numerusform>
            <numerusform>%n samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::TrainingPanel</name>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="418"/>
        <source>Polygon of %n corner(s)</source>
        <translation>
            <numerusform>Polygon of %n corner</numerusform>
            <numerusform>Polygon of %n corners</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="519"/>
        <source>%n normal training image(s)</source>
        <translation>
            <numerusform>%n normal training image</numerusform>
            <numerusform>%n normal training images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="521"/>
        <source>, %n anomalous training image(s) not used</source>
        <translation>
            <numerusform>, %n anomalous training image not used</numerusform>
            <numerusform>, %n anomalous training images not used</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="522"/>
        <source>, %n anomalous training image(s) (image-level loss)</source>
        <translation>
            <numerusform>, %n anomalous training image (image-level loss)</numerusform>
            <numerusform>, %n anomalous training images (image-level loss)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="524"/>
        <source>, %n marked defect(s) not used</source>
        <translation>
            <numerusform>, %n marked defect not used</numerusform>
            <numerusform>, %n marked defects not used</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="525"/>
        <source>, %n marked defect(s)</source>
        <translation>
            <numerusform>, %n marked defect</numerusform>
            <numerusform>, %n marked defects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::TrainingWorker</name>
    <message numerus="yes">
        <location filename="../ui/training/training_worker.cpp" line="76"/>
        <source>anomaly-available: %n anomalous image(s)</source>
        <translation>
            <numerusform>anomaly-available: %n anomalous image</numerusform>
            <numerusform>anomaly-available: %n anomalous images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_worker.cpp" line="77"/>
        <source>anomaly-available: %n marked defect(s)</source>
        <translation>
            <numerusform>anomaly-available: %n marked defect</numerusform>
            <numerusform>anomaly-available: %n marked defects</numerusform>
        </translation>
    </message>
</context>
</TS>
