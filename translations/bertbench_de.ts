<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AblationView</name>
    <message numerus="yes">
        <source>Importance over %n example(s) of the validation split: darker heads matter more.</source>
        <translation>
            <numerusform>Wichtigkeit über %n Beispiel der Validierungsdaten: Dunklere Heads sind wichtiger.</numerusform>
            <numerusform>Wichtigkeit über %n Beispiele der Validierungsdaten: Dunklere Heads sind wichtiger.</numerusform>
        </translation>
    </message>
    <message>
        <source>Click a head to switch it off (crossed out) or on again; the probabilities follow.</source>
        <translation>Klicken Sie auf einen Head, um ihn abzuschalten (durchgestrichen) oder wieder anzuschalten; die Wahrscheinlichkeiten folgen.</translation>
    </message>
    <message>
        <source>All heads on</source>
        <translation>Alle Heads an</translation>
    </message>
    <message>
        <source>Measure importance</source>
        <translation>Wichtigkeit messen</translation>
    </message>
    <message>
        <source>Prune least important</source>
        <translation>Unwichtigste entfernen</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message numerus="yes">
        <source>With %n head(s) off, against every head on:</source>
        <translation>
            <numerusform>Mit %n Head aus, gegenüber allen Heads an:</numerusform>
            <numerusform>Mit %n Heads aus, gegenüber allen Heads an:</numerusform>
        </translation>
    </message>
    <message>
        <source>Measuring head importance…</source>
        <translation>Wichtigkeit der Heads wird gemessen…</translation>
    </message>
    <message numerus="yes">
        <source>Pruning %n head(s)…</source>
        <translation>
            <numerusform>%n Head wird entfernt…</numerusform>
            <numerusform>%n Heads werden entfernt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Pruned %1. Validation accuracy %2 → %3, loss %4 → %5. The model has unsaved changes: save it to keep the pruned heads.</source>
        <translation>Entfernt: %1. Genauigkeit auf den Validierungsdaten %2 → %3, Verlust %4 → %5. Das Modell hat ungespeicherte Änderungen: Speichern Sie es, um die entfernten Heads zu behalten.</translation>
    </message>
    <message>
        <source>Every head is on: these are the model&apos;s own probabilities.</source>
        <translation>Alle Heads sind an: Das sind die eigenen Wahrscheinlichkeiten des Modells.</translation>
    </message>
    <message>
        <source>How much the validation loss depends on each head (Michel et al. 2019), normalised per layer. During training the run waits while it is measured.</source>
        <translation>Wie stark der Validierungsverlust von jedem Head abhängt (Michel et al. 2019), je Schicht normiert. Während eines Trainings wartet der Lauf, bis sie gemessen ist.</translation>
    </message>
    <message>
        <source>Removes this many of the least important heads from the model (smaller and faster), then evaluates it again. Save the model to keep it; transformers loads it. Not while training runs.</source>
        <translation>Entfernt so viele der unwichtigsten Heads aus dem Modell (kleiner und schneller) und evaluiert es erneut. Speichern Sie das Modell, um es zu behalten; transformers lädt es. Nicht während eines Trainings.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>BertBench %1&lt;br&gt;Qt %2 (built with %3)&lt;br&gt;%4</source>
        <translation>BertBench %1&lt;br&gt;Qt %2 (gebaut mit %3)&lt;br&gt;%4</translation>
    </message>
    <message>
        <source>About BertBench</source>
        <translation>Über BertBench</translation>
    </message>
    <message>
        <source>A desktop workbench for fine-tuning BERT models: import a dataset, train on a worker thread while watching live charts, classify sentences and inspect every attention head.</source>
        <translation>Eine Desktop-Werkbank zum Feintuning von BERT-Modellen: Datensatz importieren, auf einem Worker-Thread mit Live-Diagrammen trainieren, Sätze klassifizieren und jeden Attention-Head untersuchen.</translation>
    </message>
</context>
<context>
    <name>AttentionGridPlot</name>
    <message>
        <source>All layers and heads appear here.</source>
        <translation>Hier erscheinen alle Schichten und Heads.</translation>
    </message>
</context>
<context>
    <name>AttentionMapPlot</name>
    <message>
        <source>attended to (key)</source>
        <translation>beachtet (Key)</translation>
    </message>
    <message>
        <source>attending (query)</source>
        <translation>beachtend (Query)</translation>
    </message>
    <message>
        <source>layer %1, head %2</source>
        <translation>Schicht %1, Head %2</translation>
    </message>
    <message numerus="yes">
        <source>layer %1, mean of %n head(s)</source>
        <translation>
            <numerusform>Schicht %1, Mittel über %n Head</numerusform>
            <numerusform>Schicht %1, Mittel über %n Heads</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
</context>
<context>
    <name>AttentionPage</name>
    <message>
        <source>Sentence:</source>
        <translation>Satz:</translation>
    </message>
    <message>
        <source>Type a sentence and press Enter</source>
        <translation>Satz eingeben und Enter drücken</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Saves the figure of the tab shown as PNG (for slides) or SVG (for papers).</source>
        <translation>Speichert die Abbildung des gezeigten Reiters als PNG (für Folien) oder SVG (für Veröffentlichungen).</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Heads</translation>
    </message>
    <message>
        <source>Attributions</source>
        <translation>Attributionen</translation>
    </message>
    <message>
        <source>Ablation</source>
        <translation>Ablation</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Across training</source>
        <translation>Im Training</translation>
    </message>
    <message>
        <source>Minimal pair</source>
        <translation>Minimalpaar</translation>
    </message>
    <message>
        <source>Where each attention head looks.</source>
        <translation>Wohin jeder Attention-Head schaut.</translation>
    </message>
    <message>
        <source>Which tokens moved the decision, and which way.</source>
        <translation>Welche Tokens die Entscheidung bewegt haben, und in welche Richtung.</translation>
    </message>
    <message>
        <source>Switch heads off and watch the probabilities; importance and pruning.</source>
        <translation>Heads abschalten und die Wahrscheinlichkeiten beobachten; Wichtigkeit und Entfernen.</translation>
    </message>
    <message>
        <source>How attention differs from a second model, e.g. the pretrained one.</source>
        <translation>Wie sich die Attention von einem zweiten Modell unterscheidet, etwa dem vortrainierten.</translation>
    </message>
    <message>
        <source>How attention changed from one evaluation of a run to the next.</source>
        <translation>Wie sich die Attention von einer Evaluierung eines Laufs zur nächsten verändert hat.</translation>
    </message>
    <message>
        <source>Two sentences side by side, with their attributions&apos; difference.</source>
        <translation>Zwei Sätze nebeneinander, mit der Differenz ihrer Attributionen.</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
</context>
<context>
    <name>AttributionMethodBox</name>
    <message>
        <source>Integrated gradients</source>
        <translation>Integrierte Gradienten</translation>
    </message>
    <message>
        <source>Gradient × input</source>
        <translation>Gradient × Eingabe</translation>
    </message>
    <message>
        <source>Attention rollout</source>
        <translation>Attention-Rollout</translation>
    </message>
    <message>
        <source>Integrated gradients: exact but costs steps + 1 forward and backward passes. Gradient × input: one pass, a first-order estimate. Attention rollout: where [CLS] gathers from through all layers; no sign.</source>
        <translation>Integrierte Gradienten: genau, kosten aber Schritte + 1 Vorwärts- und Rückwärtsdurchläufe. Gradient × Eingabe: ein Durchlauf, eine Schätzung erster Ordnung. Attention-Rollout: woher [CLS] durch alle Schichten sammelt; ohne Vorzeichen.</translation>
    </message>
</context>
<context>
    <name>AttributionView</name>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <source>Intervals of the integral; more steps shrink the completeness gap.</source>
        <translation>Intervalle des Integrals; mehr Schritte verkleinern die Vollständigkeitslücke.</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Vorhergesagte Klasse</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>Explaining…</source>
        <translation>Wird erklärt…</translation>
    </message>
    <message>
        <source>Explaining %1 (probability %2). Red tokens push towards it, blue ones away.</source>
        <translation>Erklärt wird %1 (Wahrscheinlichkeit %2). Rote Tokens drängen dorthin, blaue davon weg.</translation>
    </message>
    <message>
        <source>Attention rollout: the share of [CLS]&apos;s attention that reaches each token through all layers (no sign; not specific to %1).</source>
        <translation>Attention-Rollout: der Anteil der Attention von [CLS], der durch alle Schichten bei jedem Token ankommt (ohne Vorzeichen; nicht spezifisch für %1).</translation>
    </message>
    <message numerus="yes">
        <source>Σ scores = %1; f(x) − f(baseline) = %2 − %3 = %4; completeness gap %5 (%6 %) after %n step(s).</source>
        <translation>
            <numerusform>Σ Werte = %1; f(x) − f(Basislinie) = %2 − %3 = %4; Vollständigkeitslücke %5 (%6 %) nach %n Schritt.</numerusform>
            <numerusform>Σ Werte = %1; f(x) − f(Basislinie) = %2 − %3 = %4; Vollständigkeitslücke %5 (%6 %) nach %n Schritten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Other model:</source>
        <translation>Anderes Modell:</translation>
    </message>
    <message>
        <source>A model folder of the same architecture, e.g. the one training started from</source>
        <translation>Ein Modellordner derselben Architektur, etwa der, mit dem das Training begann</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Difference (this − other)</source>
        <translation>Differenz (dieses − anderes)</translation>
    </message>
    <message>
        <source>This model</source>
        <translation>Dieses Modell</translation>
    </message>
    <message>
        <source>Other model</source>
        <translation>Anderes Modell</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>Change (JSD, bits)</source>
        <translation>Änderung (JSD, Bit)</translation>
    </message>
    <message numerus="yes">
        <source>The %1 most changed heads, over %n sentence(s) of the validation split:</source>
        <translation>
            <numerusform>Die %1 am stärksten veränderten Heads, über %n Satz der Validierungsdaten:</numerusform>
            <numerusform>Die %1 am stärksten veränderten Heads, über %n Sätze der Validierungsdaten:</numerusform>
        </translation>
    </message>
    <message>
        <source>The most changed heads appear here.</source>
        <translation>Hier erscheinen die am stärksten veränderten Heads.</translation>
    </message>
    <message>
        <source>Model to compare with</source>
        <translation>Modell zum Vergleichen</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixPlot</name>
    <message>
        <source>Evaluate the model to see its confusion matrix.</source>
        <translation>Evaluieren Sie das Modell, um seine Konfusionsmatrix zu sehen.</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <source>true</source>
        <translation>wahr</translation>
    </message>
    <message numerus="yes">
        <source>True %1, predicted %2: %n example(s) (%3 % of the row). Click to list them.</source>
        <translation>
            <numerusform>Wahr %1, vorhergesagt %2: %n Beispiel (%3 % der Zeile). Klicken listet es auf.</numerusform>
            <numerusform>Wahr %1, vorhergesagt %2: %n Beispiele (%3 % der Zeile). Klicken listet sie auf.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Dataset file</source>
        <translation>Datensatzdatei</translation>
    </message>
    <message>
        <source>A TSV or CSV file — or drop one onto the window</source>
        <translation>Eine TSV- oder CSV-Datei – oder eine auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>Validierungsaufteilung</translation>
    </message>
    <message>
        <source>Held out for validation:</source>
        <translation>Für Validierung zurückgehalten:</translation>
    </message>
    <message>
        <source>Share of the file evaluated after every epoch to pick the best model. 0 disables validation.</source>
        <translation>Anteil der Datei, der nach jeder Epoche evaluiert wird, um das beste Modell zu wählen. 0 schaltet die Validierung ab.</translation>
    </message>
    <message>
        <source>Split seed:</source>
        <translation>Seed der Aufteilung:</translation>
    </message>
    <message>
        <source>The same seed gives the same split on every machine (the classic notebook uses 2018).</source>
        <translation>Derselbe Seed ergibt auf jedem Rechner dieselbe Aufteilung (das klassische Notebook verwendet 2018).</translation>
    </message>
    <message>
        <source>Keep class proportions (stratified)</source>
        <translation>Klassenanteile beibehalten (stratifiziert)</translation>
    </message>
    <message>
        <source>Import dataset</source>
        <translation>Datensatz importieren</translation>
    </message>
    <message>
        <source>Holdout test file (optional)</source>
        <translation>Holdout-Testdatei (optional)</translation>
    </message>
    <message>
        <source>Read with the same options and labels</source>
        <translation>Wird mit denselben Optionen und Labels gelesen</translation>
    </message>
    <message>
        <source>Import holdout</source>
        <translation>Holdout importieren</translation>
    </message>
    <message>
        <source>Preview (first rows as they will be read)</source>
        <translation>Vorschau (erste Zeilen, wie sie gelesen werden)</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Why it was skipped</source>
        <translation>Warum übersprungen</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <source>Delimited text (*.tsv *.csv *.txt);;All files (*)</source>
        <translation>Textdateien mit Trennzeichen (*.tsv *.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open holdout file</source>
        <translation>Holdout-Datei öffnen</translation>
    </message>
    <message>
        <source>Nothing imported yet.</source>
        <translation>Noch nichts importiert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 rows read, %3 imported, %4 skipped.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 Zeilen gelesen, %3 importiert, %4 übersprungen.</translation>
    </message>
    <message>
        <source>Training: %1 examples · validation: %2 examples · labels: %3</source>
        <translation>Training: %1 Beispiele · Validierung: %2 Beispiele · Labels: %3</translation>
    </message>
    <message>
        <source>No holdout file imported.</source>
        <translation>Keine Holdout-Datei importiert.</translation>
    </message>
    <message>
        <source>%1: %2 examples (%3 skipped)</source>
        <translation>%1: %2 Beispiele (%3 übersprungen)</translation>
    </message>
    <message>
        <source>Max length:</source>
        <translation>Maximale Länge:</translation>
    </message>
    <message>
        <source>%1 tokens, as training uses it (Hyperparameters page)</source>
        <translation>%1 Tokens, wie das Training sie verwendet (Seite Hyperparameter)</translation>
    </message>
    <message>
        <source>Examples longer than this are truncated in training; the histogram counts them.</source>
        <translation>Längere Beispiele werden im Training gekürzt; das Histogramm zählt sie.</translation>
    </message>
</context>
<context>
    <name>DatasetChartsPlot</name>
    <message>
        <source>Examples per class</source>
        <translation>Beispiele pro Klasse</translation>
    </message>
    <message>
        <source>Length in tokens</source>
        <translation>Länge in Tokens</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Length in tokens — median %1, 95th percentile %2</source>
        <translation>Länge in Tokens — Median %1, 95. Perzentil %2</translation>
    </message>
    <message>
        <source>≤ %1 tokens</source>
        <translation>≤ %1 Tokens</translation>
    </message>
    <message numerus="yes">
        <source>truncated: %n</source>
        <translation>
            <numerusform>gekürzt: %n</numerusform>
            <numerusform>gekürzt: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <source>%1; turn on skip bad rows (--skip-bad-rows) to import the rest and list such rows</source>
        <translation>%1; schalten Sie „Fehlerhafte Zeilen überspringen“ (--skip-bad-rows) ein, um den Rest zu importieren und solche Zeilen aufzulisten</translation>
    </message>
    <message>
        <source>the file is empty; a header row was expected</source>
        <translation>Die Datei ist leer; eine Kopfzeile wurde erwartet</translation>
    </message>
    <message>
        <source>no data rows after the header</source>
        <translation>Keine Datenzeilen nach der Kopfzeile</translation>
    </message>
    <message>
        <source>the file has no rows</source>
        <translation>Die Datei enthält keine Zeilen</translation>
    </message>
    <message>
        <source>no usable rows; %1 skipped: first at line %2: %3</source>
        <translation>Keine verwendbaren Zeilen; %1 übersprungen, die erste in Zeile %2: %3</translation>
    </message>
    <message>
        <source>unknown label %1; the model knows: %2</source>
        <translation>Unbekanntes Label %1; das Modell kennt: %2</translation>
    </message>
    <message>
        <source>label %1 is not one of %2</source>
        <translation>Label %1 ist keiner der Werte %2</translation>
    </message>
    <message>
        <source>the label column %1 has more than %2 distinct values; is it the right column?</source>
        <translation>Die Label-Spalte %1 hat mehr als %2 verschiedene Werte; ist es die richtige Spalte?</translation>
    </message>
    <message>
        <source>only %1 %2; missing the %3</source>
        <translation>Nur %1 %2; es fehlt: %3</translation>
    </message>
    <message>
        <source>%1 columns, more than the header&apos;s %2 (is there an unquoted delimiter in a text?)</source>
        <translation>%1 Spalten, mehr als die %2 der Kopfzeile (steht ein Trennzeichen ohne Anführungszeichen in einem Text?)</translation>
    </message>
    <message>
        <source>empty text</source>
        <translation>Leerer Text</translation>
    </message>
    <message>
        <source>empty second text</source>
        <translation>Leerer zweiter Text</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8</source>
        <translation>Der Text ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>empty label</source>
        <translation>Leeres Label</translation>
    </message>
    <message>
        <source>the label is not valid UTF-8</source>
        <translation>Das Label ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>an unlabelled import cannot also fix a label set (%1)</source>
        <translation>Ein Import ohne Labels kann nicht zugleich Labels festlegen (%1)</translation>
    </message>
    <message>
        <source>the %1 column is given both by name and by index; give one</source>
        <translation>Die Spalte für %1 ist sowohl per Name als auch per Index angegeben; geben Sie nur eines an</translation>
    </message>
    <message>
        <source>the %1 column %2 is beyond the header&apos;s %3 columns: %4</source>
        <translation>Die Spalte %2 für %1 liegt jenseits der %3 Spalten der Kopfzeile: %4</translation>
    </message>
    <message>
        <source>the %1 column is given by name (&quot;%2&quot;) but the file has no header row; give its 0-based index</source>
        <translation>Die Spalte für %1 ist per Name („%2“) angegeben, aber die Datei hat keine Kopfzeile; geben Sie ihren Index (ab 0 gezählt) an</translation>
    </message>
    <message>
        <source>no %1 column &quot;%2&quot;; the header has %3</source>
        <translation>Keine Spalte „%2“ für %1; die Kopfzeile enthält %3</translation>
    </message>
    <message>
        <source>the header names more than one column &quot;%1&quot;; give the %2 column by index</source>
        <translation>Die Kopfzeile nennt mehr als eine Spalte „%1“; geben Sie die Spalte für %2 per Index an</translation>
    </message>
    <message>
        <source>the %1 and %2 columns are the same column %3</source>
        <translation>Die Spalten für %1 und für %2 sind dieselbe Spalte %3</translation>
    </message>
    <message>
        <source>a line break cannot be the field delimiter</source>
        <translation>Ein Zeilenumbruch kann nicht das Trennzeichen sein</translation>
    </message>
    <message>
        <source>&apos;&quot;&apos; cannot be the field delimiter while quoting is on</source>
        <translation>&apos;&quot;&apos; kann nicht das Trennzeichen sein, solange Anführungszeichen ausgewertet werden</translation>
    </message>
    <message>
        <source>is a folder, not a data file</source>
        <translation>ist ein Ordner, keine Datendatei</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>Die Datei lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>reading the file failed</source>
        <translation>Das Lesen der Datei ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>cannot go back in the file to read on after a malformed row</source>
        <translation>Nach einer fehlerhaften Zeile lässt sich in der Datei nicht zurückspringen, um weiterzulesen</translation>
    </message>
    <message>
        <source>a quoted field starting on this line is never closed</source>
        <translation>Ein in dieser Zeile beginnendes Feld in Anführungszeichen wird nie geschlossen</translation>
    </message>
    <message>
        <source>unexpected character after a closing quote (a quote inside a quoted field must be doubled: &quot;&quot;)</source>
        <translation>Unerwartetes Zeichen nach einem schließenden Anführungszeichen (ein Anführungszeichen in einem Feld in Anführungszeichen muss verdoppelt werden: &quot;&quot;)</translation>
    </message>
    <message>
        <source>negative label %1</source>
        <translation>Negatives Label %1</translation>
    </message>
    <message>
        <source>the validation ratio must be at least 0 and below 1, not %1</source>
        <translation>Der Validierungsanteil muss mindestens 0 und kleiner als 1 sein, nicht %1</translation>
    </message>
    <message>
        <source>a validation ratio of %1 leaves none of the %2 examples for training</source>
        <translation>Ein Validierungsanteil von %1 lässt keines der %2 Beispiele für das Training übrig</translation>
    </message>
    <message>
        <source>a stratified split keeps class shares, but %1 has no labels (it was imported without a label column); split it without stratifying</source>
        <translation>Eine stratifizierte Aufteilung erhält die Klassenanteile, aber %1 hat keine Labels (ohne Label-Spalte importiert); teilen Sie ohne Stratifizierung auf</translation>
    </message>
    <message>
        <source>label %1 is not one the model knows (%2); replace the classifier head to train on this data&apos;s labels</source>
        <translation>Label %1 kennt das Modell nicht (%2); ersetzen Sie den Klassifikationskopf, um mit den Labels dieser Daten zu trainieren</translation>
    </message>
    <message>
        <source>nested more than %1 levels deep</source>
        <translation>mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>Ungültiges JSON: %1</translation>
    </message>
    <message>
        <source>is a folder, not a JSON file</source>
        <translation>ist ein Ordner, keine JSON-Datei</translation>
    </message>
    <message>
        <source>%1 MB is too large for a JSON file here (at most %2 MB)</source>
        <translation>%1 MB sind zu groß für eine JSON-Datei (höchstens %2 MB)</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>Lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>cannot read the file</source>
        <translation>Die Datei lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>writing failed: %1</source>
        <translation>Schreiben fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>cannot replace the file: %1</source>
        <translation>Die Datei lässt sich nicht ersetzen: %1</translation>
    </message>
    <message>
        <source>cannot move the old folder aside: %1</source>
        <translation>Der alte Ordner lässt sich nicht beiseiteschieben: %1</translation>
    </message>
    <message>
        <source>cannot move the new folder into place: %1</source>
        <translation>Der neue Ordner lässt sich nicht an seinen Platz verschieben: %1</translation>
    </message>
    <message>
        <source>not a folder (a model is a Hugging Face model folder)</source>
        <translation>Kein Ordner (ein Modell ist ein Hugging-Face-Modellordner)</translation>
    </message>
    <message>
        <source>missing: the model folder has no config.json</source>
        <translation>Fehlt: Der Modellordner hat keine config.json</translation>
    </message>
    <message>
        <source>has %1 tokens but config.json&apos;s vocab_size is %2: the vocabulary does not belong to this model</source>
        <translation>hat %1 Tokens, aber vocab_size in config.json ist %2: Das Vokabular gehört nicht zu diesem Modell</translation>
    </message>
    <message>
        <source>describes a model of %1 parameters, but %2 holds %3: the configuration does not belong to these weights</source>
        <translation>beschreibt ein Modell mit %1 Parametern, aber %2 enthält %3: Die Konfiguration gehört nicht zu diesen Gewichten</translation>
    </message>
    <message>
        <source>no weights: expected model.safetensors or pytorch_model.bin in the folder</source>
        <translation>Keine Gewichte: Im Ordner wurde model.safetensors oder pytorch_model.bin erwartet</translation>
    </message>
    <message>
        <source>cannot create the folder: %1</source>
        <translation>Der Ordner lässt sich nicht anlegen: %1</translation>
    </message>
    <message>
        <source>has no tokenizer: expected vocab.txt (BERT, DistilBERT), vocab.json and merges.txt (RoBERTa), or tokenizer.json</source>
        <translation>hat keinen Tokenizer: erwartet wurde vocab.txt (BERT, DistilBERT), vocab.json und merges.txt (RoBERTa) oder tokenizer.json</translation>
    </message>
    <message>
        <source>missing: the model folder has no vocab.txt, so its text cannot be tokenized</source>
        <translation>Fehlt: Der Modellordner hat keine vocab.txt, daher lässt sich sein Text nicht tokenisieren</translation>
    </message>
    <message>
        <source>missing: a byte-level BPE tokenizer needs vocab.json and merges.txt</source>
        <translation>Fehlt: Ein Byte-Level-BPE-Tokenizer braucht vocab.json und merges.txt</translation>
    </message>
    <message>
        <source>missing: vocab.json is a byte-level BPE vocabulary, which needs merges.txt beside it</source>
        <translation>Fehlt: vocab.json ist ein Byte-Level-BPE-Vokabular, das daneben eine merges.txt braucht</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>a field has the wrong type: %1</source>
        <translation>Ein Feld hat den falschen Typ: %1</translation>
    </message>
    <message>
        <source>cannot open the weights file</source>
        <translation>Die Gewichtsdatei lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>not a zip-format torch.save file (PyTorch &gt;= 1.6); the legacy format is not supported: re-save it with a current PyTorch or as model.safetensors</source>
        <translation>Keine torch.save-Datei im Zip-Format (PyTorch &gt;= 1.6); das alte Format wird nicht unterstützt: Speichern Sie sie mit einem aktuellen PyTorch oder als model.safetensors neu</translation>
    </message>
    <message>
        <source>cannot read the PyTorch checkpoint: %1</source>
        <translation>Der PyTorch-Checkpoint lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>the checkpoint is not a state dict (name -&gt; tensor)</source>
        <translation>Der Checkpoint ist kein State-Dict (Name -&gt; Tensor)</translation>
    </message>
    <message>
        <source>none of its %1 tensors belongs to a %2 model%3</source>
        <translation>Keiner seiner %1 Tensoren gehört zu einem %2-Modell%3</translation>
    </message>
    <message>
        <source> (first: &apos;%1&apos;)</source>
        <translation> (der erste: &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has shape %2 but config.json implies %3</source>
        <translation>Tensor &apos;%1&apos; hat die Form %2, aber config.json ergibt %3</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; is not floating point</source>
        <translation>Tensor &apos;%1&apos; ist keine Gleitkommazahl</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; reaches beyond its storage: the checkpoint is damaged</source>
        <translation>Tensor &quot;%1&quot; reicht über seinen Speicher hinaus: Der Checkpoint ist beschädigt</translation>
    </message>
    <message>
        <source>truncated safetensors file: %1 bytes, shorter than the 8-byte header length</source>
        <translation>Abgeschnittene safetensors-Datei: %1 Bytes, kürzer als die 8 Bytes der Kopflänge</translation>
    </message>
    <message>
        <source>header length %1 reaches beyond the end of the file (%2 bytes): the file is truncated or not safetensors</source>
        <translation>Die Kopflänge %1 reicht über das Dateiende hinaus (%2 Bytes): Die Datei ist abgeschnitten oder kein safetensors</translation>
    </message>
    <message>
        <source>the header is not a JSON object</source>
        <translation>Der Kopf ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>not a valid torch.save archive: %1</source>
        <translation>Kein gültiges torch.save-Archiv: %1</translation>
    </message>
    <message>
        <source>config field &quot;model_type&quot; is &quot;%1&quot;; supported model types: bert, distilbert, roberta</source>
        <translation>Das Konfigurationsfeld &quot;model_type&quot; ist &quot;%1&quot;; unterstützte Modelltypen: bert, distilbert, roberta</translation>
    </message>
    <message>
        <source>config field &quot;model_type&quot; must be a string, not %1</source>
        <translation>Das Konfigurationsfeld &quot;model_type&quot; muss ein String sein, nicht %1</translation>
    </message>
    <message>
        <source>config field &quot;position_embedding_type&quot; is &quot;%1&quot;; only &quot;absolute&quot; is supported</source>
        <translation>Das Konfigurationsfeld &quot;position_embedding_type&quot; ist &quot;%1&quot;; nur &quot;absolute&quot; wird unterstützt</translation>
    </message>
    <message>
        <source>config field &quot;%1&quot; must be an integer, not %2</source>
        <translation>Das Konfigurationsfeld &quot;%1&quot; muss eine ganze Zahl sein, nicht %2</translation>
    </message>
    <message>
        <source>config field &quot;%1&quot; has the wrong type: %2</source>
        <translation>Das Konfigurationsfeld &quot;%1&quot; hat den falschen Typ: %2</translation>
    </message>
    <message>
        <source>config field &quot;%1&quot; is %2; it must be 1..%3</source>
        <translation>Das Konfigurationsfeld &quot;%1&quot; ist %2; es muss 1..%3 sein</translation>
    </message>
    <message>
        <source>config field &quot;%1&quot; is &quot;%2&quot;; supported: gelu, gelu_new, relu</source>
        <translation>Das Konfigurationsfeld &quot;%1&quot; ist &quot;%2&quot;; unterstützt: gelu, gelu_new, relu</translation>
    </message>
    <message>
        <source>config must be a JSON object</source>
        <translation>Die Konfiguration muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>config: a model needs at least one label</source>
        <translation>Konfiguration: Ein Modell braucht mindestens ein Label</translation>
    </message>
    <message>
        <source>cannot open vocabulary file (not a file)</source>
        <translation>Die Vokabulardatei lässt sich nicht öffnen (keine Datei)</translation>
    </message>
    <message>
        <source>cannot read vocabulary file</source>
        <translation>Die Vokabulardatei lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>vocabulary is not valid UTF-8</source>
        <translation>Das Vokabular ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>vocabulary file is empty</source>
        <translation>Die Vokabulardatei ist leer</translation>
    </message>
    <message>
        <source>vocabulary has no %1 token</source>
        <translation>Das Vokabular hat kein %1-Token</translation>
    </message>
    <message>
        <source>cannot open the merges file</source>
        <translation>Die Merges-Datei lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>choose a folder to save the model in</source>
        <translation>Wählen Sie einen Ordner, in dem das Modell gespeichert wird</translation>
    </message>
    <message>
        <source>is a file, not a folder</source>
        <translation>ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <source>is not empty and holds no model; save into a new or an empty folder</source>
        <translation>ist nicht leer und enthält kein Modell; speichern Sie in einen neuen oder leeren Ordner</translation>
    </message>
    <message>
        <source>%1 already holds a model; replace it?</source>
        <translation>%1 enthält bereits ein Modell; ersetzen?</translation>
    </message>
    <message>
        <source>The holdout %1 was removed: its label &quot;%2&quot; (line %3) is not among the new data&apos;s labels (%4)</source>
        <translation>Der Holdout %1 wurde entfernt: Sein Label &quot;%2&quot; (Zeile %3) ist nicht unter den Labels der neuen Daten (%4)</translation>
    </message>
    <message>
        <source>label &quot;%1&quot; is not among the training data&apos;s labels (%2)</source>
        <translation>Label &quot;%1&quot; ist nicht unter den Labels der Trainingsdaten (%2)</translation>
    </message>
    <message>
        <source>there is no model to save</source>
        <translation>Es gibt kein Modell zum Speichern</translation>
    </message>
    <message>
        <source>open or create a model first</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Modell</translation>
    </message>
    <message>
        <source>there is no %1 data to evaluate on</source>
        <translation>Zum Auswerten fehlen die Daten: %1</translation>
    </message>
    <message>
        <source>cannot %1 while a training run is active; stop it or wait until it ends</source>
        <translation>%1 ist nicht möglich, solange ein Training läuft; halten Sie es an oder warten Sie, bis es endet</translation>
    </message>
    <message>
        <source>a training run is already active; stop it first</source>
        <translation>Es läuft bereits ein Training; halten Sie es zuerst an</translation>
    </message>
    <message>
        <source>the current model has training that is not saved; save it first or discard it</source>
        <translation>Das aktuelle Modell hat ungespeichertes Training; speichern Sie es zuerst oder verwerfen Sie es</translation>
    </message>
    <message>
        <source>import a training dataset first</source>
        <translation>Importieren Sie zuerst einen Trainingsdatensatz</translation>
    </message>
    <message>
        <source>this is a masked-LM model: adapt it, or open it as a classifier to fine-tune it</source>
        <translation>Dies ist ein Masked-LM-Modell: Passen Sie es an, oder öffnen Sie es als Klassifikator, um es feinabzustimmen</translation>
    </message>
    <message>
        <source>Adapting the encoder to %1 (masked-LM training) before fine-tuning</source>
        <translation>Der Encoder wird vor dem Feintuning an %1 angepasst (Masked-LM-Training)</translation>
    </message>
    <message>
        <source>The classifier now has the adapted encoder; its head and labels are unchanged</source>
        <translation>Der Klassifikator hat jetzt den angepassten Encoder; Kopf und Labels sind unverändert</translation>
    </message>
    <message>
        <source>Some weights of %1 were not initialized from the model checkpoint at %2 and are newly initialized because the shapes did not match:
- %3.weight: found shape %4 in the checkpoint and %5 in the model instantiated
- %6.bias: found shape %7 in the checkpoint and %8 in the model instantiated
You should probably TRAIN this model on a down-stream task to be able to use it for predictions and inference.</source>
        <translation>Einige Gewichte von %1 wurden nicht aus dem Checkpoint %2 übernommen, sondern neu initialisiert, weil die Formen nicht passten:
- %3.weight: Form %4 im Checkpoint und %5 im erzeugten Modell
- %6.bias: Form %7 im Checkpoint und %8 im erzeugten Modell
Sie sollten dieses Modell wahrscheinlich auf einer nachgelagerten Aufgabe TRAINIEREN, bevor Sie es für Vorhersagen verwenden.</translation>
    </message>
    <message>
        <source>the model in memory</source>
        <translation>das Modell im Speicher</translation>
    </message>
    <message>
        <source>The classifier is not trained yet; it takes the data&apos;s labels: %1</source>
        <translation>Der Klassifikator ist noch nicht trainiert; er übernimmt die Labels der Daten: %1</translation>
    </message>
    <message>
        <source>no model to train</source>
        <translation>Kein Modell zum Trainieren</translation>
    </message>
    <message>
        <source>max length %1 exceeds the model&apos;s maximum of %2 tokens</source>
        <translation>Die maximale Länge %1 übersteigt das Maximum des Modells von %2 Tokens</translation>
    </message>
    <message>
        <source>Tokenizing %1 ...</source>
        <translation>%1 wird tokenisiert …</translation>
    </message>
    <message>
        <source>the training data has no examples</source>
        <translation>Die Trainingsdaten enthalten keine Beispiele</translation>
    </message>
    <message>
        <source>%1 of %2 examples in %3 are longer than %4 tokens and were truncated</source>
        <translation>%1 von %2 Beispielen in %3 sind länger als %4 Tokens und wurden gekürzt</translation>
    </message>
    <message>
        <source>The %1 data is too short to mask a token; it is not evaluated</source>
        <translation>Die Daten (%1) sind zu kurz, um ein Token zu maskieren; sie werden nicht ausgewertet</translation>
    </message>
    <message>
        <source>%1 already holds a run (settings.json): resume it, or overwrite it to start over</source>
        <translation>%1 enthält bereits einen Lauf (settings.json): Setzen Sie ihn fort oder überschreiben Sie ihn, um neu zu beginnen</translation>
    </message>
    <message>
        <source>no checkpoint to resume from: the folder holds no run (no settings.json)</source>
        <translation>Kein Checkpoint zum Fortsetzen: Der Ordner enthält keinen Lauf (keine settings.json)</translation>
    </message>
    <message>
        <source>cannot resume %1 with other settings than it started with:%2
leave these out to continue with the run&apos;s own settings (settings.json)</source>
        <translation>%1 lässt sich nicht mit anderen Einstellungen fortsetzen, als mit denen er begann:%2
Lassen Sie diese weg, um mit den eigenen Einstellungen des Laufs (settings.json) fortzufahren</translation>
    </message>
    <message>
        <source>Resuming at step %1 of %2</source>
        <translation>Fortsetzung bei Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Training in %1 processes of %2 thread(s) each</source>
        <translation>Training in %1 Prozessen mit je %2 Thread(s)</translation>
    </message>
    <message>
        <source>Step %1: unfreezing %2</source>
        <translation>Schritt %1: %2 wird aufgetaut</translation>
    </message>
    <message>
        <source>No checkpoint yet in %1; starting the run from the beginning</source>
        <translation>Noch kein Checkpoint in %1; der Lauf beginnt von vorn</translation>
    </message>
    <message>
        <source>Stopped at step %1; the checkpoint can be resumed</source>
        <translation>Bei Schritt %1 angehalten; der Checkpoint kann fortgesetzt werden</translation>
    </message>
    <message>
        <source>Early stopping: %1 has not improved for %2 evaluations</source>
        <translation>Vorzeitiger Abbruch: %1 hat sich seit %2 Auswertungen nicht verbessert</translation>
    </message>
    <message>
        <source>training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 is in use by another training process%2; wait for it to end or choose another --out folder</source>
        <translation>%1 wird von einem anderen Trainingsprozess verwendet%2; warten Sie, bis er endet, oder wählen Sie einen anderen Ordner (--out)</translation>
    </message>
    <message>
        <source> (pid %1)</source>
        <translation> (PID %1)</translation>
    </message>
    <message>
        <source>cannot open the run folder&apos;s lock: %1</source>
        <translation>Die Sperrdatei des Laufordners lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>cannot create the run folder: %1</source>
        <translation>Der Laufordner lässt sich nicht anlegen: %1</translation>
    </message>
    <message>
        <source>damaged: not a JSON object</source>
        <translation>beschädigt: kein JSON-Objekt</translation>
    </message>
    <message>
        <source>damaged: %1</source>
        <translation>beschädigt: %1</translation>
    </message>
    <message>
        <source>cannot open for writing</source>
        <translation>Lässt sich nicht zum Schreiben öffnen</translation>
    </message>
    <message>
        <source>cannot write the checkpoint: %1</source>
        <translation>Der Checkpoint lässt sich nicht schreiben: %1</translation>
    </message>
    <message>
        <source>the checkpoint was written for other training settings (e.g. another LoRA setup)</source>
        <translation>Der Checkpoint wurde für andere Trainingseinstellungen geschrieben (z. B. eine andere LoRA-Konfiguration)</translation>
    </message>
    <message>
        <source>cannot read the optimizer or random state: %1</source>
        <translation>Optimierer- oder Zufallszustand lassen sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>epochs must be at least 1 (or give max steps)</source>
        <translation>Die Epochen müssen mindestens 1 sein (oder geben Sie maximale Schritte an)</translation>
    </message>
    <message>
        <source>LoRA and head-only training exclude each other</source>
        <translation>LoRA und reines Kopftraining schließen einander aus</translation>
    </message>
    <message>
        <source>cannot freeze %1 layers: the model has %2</source>
        <translation>%1 Schichten lassen sich nicht einfrieren: Das Modell hat %2</translation>
    </message>
    <message>
        <source>the chosen strategy leaves no parameter to train</source>
        <translation>Die gewählte Strategie lässt keinen Parameter zum Trainieren übrig</translation>
    </message>
    <message>
        <source>device &quot;%1&quot; requested, but this LibTorch build or machine has no CUDA GPU</source>
        <translation>Gerät &quot;%1&quot; angefordert, aber dieser LibTorch-Build oder Rechner hat keine CUDA-GPU</translation>
    </message>
    <message>
        <source>unknown device &quot;%1&quot;; use cpu or cuda</source>
        <translation>Unbekanntes Gerät &quot;%1&quot;; verwenden Sie cpu oder cuda</translation>
    </message>
    <message>
        <source>%1 must be %2, not %3</source>
        <translation>%1 muss %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;; use one of %3</source>
        <translation>%1 ist &quot;%2&quot;; verwenden Sie eines von: %3</translation>
    </message>
    <message>
        <source>%1 has &quot;%2&quot;; use %3</source>
        <translation>%1 enthält &quot;%2&quot;; verwenden Sie %3</translation>
    </message>
    <message>
        <source>training setting &quot;%1&quot; (%2)</source>
        <translation>Trainingseinstellung &quot;%1&quot; (%2)</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 lässt sich nicht anlegen: %2</translation>
    </message>
    <message>
        <source>evaluation needs a sequence-classification model</source>
        <translation>Die Auswertung braucht ein Modell zur Sequenzklassifikation</translation>
    </message>
    <message>
        <source>%1 has no examples to evaluate</source>
        <translation>%1 enthält keine Beispiele zum Auswerten</translation>
    </message>
    <message>
        <source>no model to evaluate</source>
        <translation>Kein Modell zum Auswerten</translation>
    </message>
    <message>
        <source>prediction needs a sequence-classification model</source>
        <translation>Die Vorhersage braucht ein Modell zur Sequenzklassifikation</translation>
    </message>
    <message>
        <source>text</source>
        <translation>den Text</translation>
    </message>
    <message>
        <source>label</source>
        <translation>das Label</translation>
    </message>
    <message>
        <source>second text</source>
        <translation>den zweiten Text</translation>
    </message>
    <message>
        <source>%1 (0-based)</source>
        <translation>Nr. %1 (ab 0 gezählt)</translation>
    </message>
    <message>
        <source>%1 column %2</source>
        <translation>Spalte %2 für %1</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>holdout</source>
        <translation>Holdout</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>import training data</source>
        <translation>Trainingsdaten zu importieren</translation>
    </message>
    <message>
        <source>import a holdout</source>
        <translation>Einen Holdout zu importieren</translation>
    </message>
    <message>
        <source>open a model</source>
        <translation>Ein Modell zu öffnen</translation>
    </message>
    <message>
        <source>create a model</source>
        <translation>Ein Modell zu erstellen</translation>
    </message>
    <message>
        <source>save the model</source>
        <translation>Das Modell zu speichern</translation>
    </message>
    <message>
        <source>evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>predict a file</source>
        <translation>Eine Datei vorherzusagen</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <source>greater than %1</source>
        <translation>größer als %1</translation>
    </message>
    <message>
        <source>below %1</source>
        <translation>kleiner als %1</translation>
    </message>
    <message>
        <source>--param %1: &quot;%2&quot; is not a whole number</source>
        <translation>--param %1: „%2“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>--param %1: &quot;%2&quot; is not a number</source>
        <translation>--param %1: „%2“ ist keine Zahl</translation>
    </message>
    <message>
        <source>--param %1: &quot;%2&quot; is not true or false</source>
        <translation>--param %1: „%2“ ist weder true noch false</translation>
    </message>
    <message>
        <source>--param: no option is named &quot;%1&quot;; options: %2</source>
        <translation>--param: Keine Option heißt „%1“; Optionen: %2</translation>
    </message>
    <message>
        <source>--param %1: write NAME=VALUE,VALUE,... (e.g. lr=1e-5,3e-5)</source>
        <translation>--param %1: Schreiben Sie NAME=WERT,WERT,… (z. B. lr=1e-5,3e-5)</translation>
    </message>
    <message>
        <source>--param %1: %2</source>
        <translation>--param %1: %2</translation>
    </message>
</context>
<context>
    <name>EvaluatePage</name>
    <message>
        <source>Evaluate on:</source>
        <translation>Evaluieren auf:</translation>
    </message>
    <message>
        <source>validation split</source>
        <translation>Validierungsteil</translation>
    </message>
    <message>
        <source>holdout file</source>
        <translation>Holdout-Datei</translation>
    </message>
    <message>
        <source>training split</source>
        <translation>Trainingsteil</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <source>Runs the current model over every example of the chosen split (Ctrl+E)</source>
        <translation>Wendet das aktuelle Modell auf jedes Beispiel des gewählten Teils an (Strg+E)</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Examples — click one to inspect it on the Predict and Attention pages</source>
        <translation>Beispiele – ein Klick zeigt es auf den Seiten Vorhersage und Aufmerksamkeit</translation>
    </message>
    <message>
        <source>All examples</source>
        <translation>Alle Beispiele</translation>
    </message>
    <message>
        <source>Mistakes only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Correct only</source>
        <translation>Nur richtige</translation>
    </message>
    <message>
        <source>Filter sentences…</source>
        <translation>Sätze filtern…</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>Noch nicht evaluiert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 examples · accuracy &lt;b&gt;%3&lt;/b&gt; · MCC &lt;b&gt;%4&lt;/b&gt; · macro F1 &lt;b&gt;%5&lt;/b&gt; · loss %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 Beispiele · Genauigkeit &lt;b&gt;%3&lt;/b&gt; · MCC &lt;b&gt;%4&lt;/b&gt; · Makro-F1 &lt;b&gt;%5&lt;/b&gt; · Verlust %6</translation>
    </message>
    <message>
        <source>macro average</source>
        <translation>Makro-Mittel</translation>
    </message>
    <message>
        <source>Show every cell</source>
        <translation>Alle Zellen zeigen</translation>
    </message>
    <message>
        <source>True &lt;b&gt;%1&lt;/b&gt;, predicted &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Wahr &lt;b&gt;%1&lt;/b&gt;, vorhergesagt &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ExampleTableModel</name>
    <message>
        <source>✓ right</source>
        <translation>✓ richtig</translation>
    </message>
    <message>
        <source>✗ wrong</source>
        <translation>✗ falsch</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>Wahres Label</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>ExperimentProgressView</name>
    <message>
        <source>No experiment yet. Select a run and choose Reproduce or Repeat with 3 seeds, or start a sweep.</source>
        <translation>Noch kein Experiment. Wählen Sie einen Lauf und dann „Reproduzieren“ oder „Mit 3 Seeds wiederholen“, oder starten Sie einen Sweep.</translation>
    </message>
    <message>
        <source>Reproducing %1 into %2…</source>
        <translation>%1 wird in %2 reproduziert …</translation>
    </message>
    <message>
        <source>Reproduction of %1 in %2</source>
        <translation>Reproduktion von %1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>Repeating %1 with %n other seed(s): %2 done</source>
        <translation>
            <numerusform>%1 wird mit %n anderen Seed wiederholt: %2 fertig</numerusform>
            <numerusform>%1 wird mit %n anderen Seeds wiederholt: %2 fertig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repeat of %1 stopped after %2 of %n run(s); Continue resumes it</source>
        <translation>
            <numerusform>Wiederholung von %1 nach %2 von %n Lauf angehalten; „Weiter“ setzt sie fort</numerusform>
            <numerusform>Wiederholung von %1 nach %2 von %n Läufen angehalten; „Weiter“ setzt sie fort</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 repeated with %n other seed(s)</source>
        <translation>
            <numerusform>%1 mit %n anderen Seed wiederholt</numerusform>
            <numerusform>%1 mit %n anderen Seeds wiederholt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sweep %1: %2 of %n run(s) done</source>
        <translation>
            <numerusform>Sweep %1: %2 von %n Lauf fertig</numerusform>
            <numerusform>Sweep %1: %2 von %n Läufen fertig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sweep %1 stopped after %2 of %n run(s); Continue resumes it</source>
        <translation>
            <numerusform>Sweep %1 nach %2 von %n Lauf angehalten; „Weiter“ setzt ihn fort</numerusform>
            <numerusform>Sweep %1 nach %2 von %n Läufen angehalten; „Weiter“ setzt ihn fort</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sweep %1 finished: %n run(s), ranked below</source>
        <translation>
            <numerusform>Sweep %1 fertig: %n Lauf, unten nach Rang</numerusform>
            <numerusform>Sweep %1 fertig: %n Läufe, unten nach Rang</numerusform>
        </translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>Training: %1</translation>
    </message>
    <message>
        <source>Run %1 of %2 (%3): %4</source>
        <translation>Lauf %1 von %2 (%3): %4</translation>
    </message>
    <message>
        <source>Best so far: %1 %2 (run %3: %4)</source>
        <translation>Bisher am besten: %1 %2 (Lauf %3: %4)</translation>
    </message>
    <message>
        <source>About %1 left</source>
        <translation>Noch etwa %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 ± %3 (mean ± standard deviation over %n seed(s))</source>
        <translation>
            <numerusform>%1: %2 ± %3 (Mittelwert ± Standardabweichung über %n Seed)</numerusform>
            <numerusform>%1: %2 ± %3 (Mittelwert ± Standardabweichung über %n Seeds)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identical: the loss of each of the %n step(s) matches the original bit for bit.</source>
        <translation>
            <numerusform>Identisch: Der Verlust des %n Schritts stimmt Bit für Bit mit dem Original überein.</numerusform>
            <numerusform>Identisch: Der Verlust jedes der %n Schritte stimmt Bit für Bit mit dem Original überein.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 steps; the losses so far match the original bit for bit.</source>
        <translation>Nach %1 von %2 Schritten angehalten; die Verluste bis dahin stimmen Bit für Bit mit dem Original überein.</translation>
    </message>
    <message>
        <source>Different: the loss differs from the original&apos;s from step %1 on. On another machine, thread count or library version, float rounding may differ.</source>
        <translation>Verschieden: Der Verlust weicht ab Schritt %1 vom Original ab. Auf einem anderen Rechner, mit anderer Thread-Zahl oder Bibliotheksversion kann die Gleitkomma-Rundung abweichen.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop after the current step; Continue resumes from there</source>
        <translation>Nach dem aktuellen Schritt anhalten; „Weiter“ macht dort weiter</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Metric against:</source>
        <translation>Metrik gegen:</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Best: %1 %2 (run %3: %4)</source>
        <translation>Am besten: %1 %2 (Lauf %3: %4)</translation>
    </message>
</context>
<context>
    <name>ExplainService</name>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Compare attention with %1</source>
        <translation>Attention mit %1 vergleichen</translation>
    </message>
    <message>
        <source>Head importance</source>
        <translation>Wichtigkeit der Heads</translation>
    </message>
    <message>
        <source>Prune heads</source>
        <translation>Heads entfernen</translation>
    </message>
    <message>
        <source>Attention across training</source>
        <translation>Attention im Training</translation>
    </message>
</context>
<context>
    <name>FigureExport</name>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>%1: choose a name ending in .png or .svg</source>
        <translation>%1: Wählen Sie einen Namen, der auf .png oder .svg endet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the SVG could not be written</source>
        <translation>%1: Das SVG konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: the PNG could not be written</source>
        <translation>%1: Das PNG konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>HeadLabels</name>
    <message>
        <source>L%1</source>
        <translation>S%1</translation>
    </message>
    <message>
        <source>H%1</source>
        <translation>H%1</translation>
    </message>
    <message>
        <source>L%1 H%2</source>
        <translation>S%1 H%2</translation>
    </message>
</context>
<context>
    <name>HeadToggleGrid</name>
    <message>
        <source>The model&apos;s heads appear here.</source>
        <translation>Hier erscheinen die Heads des Modells.</translation>
    </message>
</context>
<context>
    <name>HeadsView</name>
    <message>
        <source>Layer:</source>
        <translation>Schicht:</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>Head:</translation>
    </message>
    <message>
        <source>Mean over heads</source>
        <translation>Mittel über alle Heads</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>Head %1</translation>
    </message>
    <message>
        <source>Hide special tokens</source>
        <translation>Sondertokens ausblenden</translation>
    </message>
    <message>
        <source>Many heads park their attention on [CLS] and [SEP] (RoBERTa: &lt;s&gt; and &lt;/s&gt;); hiding them shows what else they look at.</source>
        <translation>Viele Heads parken ihre Aufmerksamkeit auf [CLS] und [SEP] (RoBERTa: &lt;s&gt; und &lt;/s&gt;); blendet man sie aus, sieht man, worauf sie sonst achten.</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>Farben:</translation>
    </message>
    <message>
        <source>0 … max</source>
        <translation>0 … max</translation>
    </message>
    <message>
        <source>min … max</source>
        <translation>min … max</translation>
    </message>
    <message>
        <source>min … max spreads the colours over the weights that occur, so a nearly uniform head does not look flat.</source>
        <translation>min … max verteilt die Farben über die vorkommenden Gewichte, damit ein fast gleichmäßiger Kopf nicht einfarbig aussieht.</translation>
    </message>
    <message>
        <source>Rows are layers, columns heads; red: more attention than the other model, blue: less. Click a thumbnail to open it. Wheel: zoom, drag: pan, double click: all.</source>
        <translation>Zeilen sind Schichten, Spalten Heads; rot: mehr Attention als im anderen Modell, blau: weniger. Ein Klick auf ein Vorschaubild öffnet es. Mausrad: zoomen, Ziehen: verschieben, Doppelklick: alles.</translation>
    </message>
    <message>
        <source>Rows are layers, columns heads. Click a thumbnail to open it. Wheel: zoom, drag: pan, double click: all.</source>
        <translation>Zeilen sind Schichten, Spalten Heads. Ein Klick auf ein Vorschaubild öffnet es. Mausrad: zoomen, Ziehen: verschieben, Doppelklick: alles.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>BertBench user guide</source>
        <translation>BertBench-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>The page shown before this one (Alt+Left)</source>
        <translation>Die zuvor gezeigte Seite (Alt+Links)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>The guide&apos;s contents (Alt+Up)</source>
        <translation>Inhaltsverzeichnis des Handbuchs (Alt+Hoch)</translation>
    </message>
</context>
<context>
    <name>HyperparametersPage</name>
    <message>
        <source>These options are valid. Effective batch: %1 examples per step.</source>
        <translation>Diese Optionen sind gültig. Effektiver Batch: %1 Beispiele pro Schritt.</translation>
    </message>
    <message>
        <source>Save hyperparameters</source>
        <translation>Hyperparameter speichern</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Load hyperparameters</source>
        <translation>Hyperparameter laden</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <source>Load JSON…</source>
        <translation>JSON laden…</translation>
    </message>
    <message>
        <source>Save JSON…</source>
        <translation>JSON speichern…</translation>
    </message>
    <message>
        <source>Engine defaults</source>
        <translation>Engine-Standardwerte</translation>
    </message>
    <message>
        <source>These values match no preset. Choose one to fill the form with its values.</source>
        <translation>Diese Werte entsprechen keiner Voreinstellung. Wählen Sie eine, um das Formular mit ihren Werten zu füllen.</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>A run is training with these settings, so they are read-only until it ends. Changes apply to the next run.</source>
        <translation>Ein Lauf trainiert mit diesen Einstellungen; bis er endet, sind sie schreibgeschützt. Änderungen gelten für den nächsten Lauf.</translation>
    </message>
</context>
<context>
    <name>ImportOptionsForm</name>
    <message>
        <source>How to read it</source>
        <translation>Wie sie gelesen wird</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>CoLA (raw TSV, no header)</source>
        <translation>CoLA (rohe TSV, ohne Kopfzeile)</translation>
    </message>
    <message>
        <source>GLUE TSV (with header)</source>
        <translation>GLUE-TSV (mit Kopfzeile)</translation>
    </message>
    <message>
        <source>CSV (with header)</source>
        <translation>CSV (mit Kopfzeile)</translation>
    </message>
    <message>
        <source>TSV (with header)</source>
        <translation>TSV (mit Kopfzeile)</translation>
    </message>
    <message>
        <source>Sets delimiter, header, quoting and the default columns; each can be changed below.</source>
        <translation>Legt Trennzeichen, Kopfzeile, Anführungszeichen und Standardspalten fest; alles lässt sich unten ändern.</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Trennzeichen:</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <source>Vertical bar</source>
        <translation>Senkrechter Strich</translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation>Erste Zeile ist Kopfzeile</translation>
    </message>
    <message>
        <source>Quoted fields (RFC 4180)</source>
        <translation>Felder in Anführungszeichen (RFC 4180)</translation>
    </message>
    <message>
        <source>Off for TSV files whose sentences contain quote characters, as CoLA&apos;s do.</source>
        <translation>Aus für TSV-Dateien, deren Sätze Anführungszeichen enthalten, wie bei CoLA.</translation>
    </message>
    <message>
        <source>Text column:</source>
        <translation>Textspalte:</translation>
    </message>
    <message>
        <source>Second text:</source>
        <translation>Zweiter Text:</translation>
    </message>
    <message>
        <source>For sentence-pair tasks such as entailment; leave at none for single sentences.</source>
        <translation>Für Satzpaar-Aufgaben wie Entailment; für einzelne Sätze auf „keine“ lassen.</translation>
    </message>
    <message>
        <source>Label column:</source>
        <translation>Label-Spalte:</translation>
    </message>
    <message>
        <source>(format default)</source>
        <translation>(Formatvorgabe)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Skip bad rows</source>
        <translation>Fehlerhafte Zeilen überspringen</translation>
    </message>
    <message>
        <source>Off: a malformed row (a broken quote, too few or too many columns) stops the import and names its line. On: such rows are left out and listed in the import report.</source>
        <translation>Aus: Eine fehlerhafte Zeile (ein kaputtes Anführungszeichen, zu wenige oder zu viele Spalten) bricht den Import ab und nennt ihre Zeilennummer. An: Solche Zeilen werden ausgelassen und im Importbericht aufgeführt.</translation>
    </message>
    <message>
        <source>text = %1</source>
        <translation>Text = %1</translation>
    </message>
    <message>
        <source>label = %1</source>
        <translation>Label = %1</translation>
    </message>
    <message>
        <source>Guessed from the column names and contents: %1. Check the tinted columns in the preview before importing.</source>
        <translation>Aus Spaltennamen und Inhalten erraten: %1. Prüfen Sie die eingefärbten Spalten in der Vorschau, bevor Sie importieren.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Slow: matrix products run on the reference BLAS, about 20 times slower than OpenBLAS. Install libopenblas0-openmp.</source>
        <translation>Langsam: Matrixprodukte laufen auf der Referenz-BLAS, etwa 20-mal langsamer als OpenBLAS. Installieren Sie libopenblas0-openmp.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation>Training beendet</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>Training angehalten</translation>
    </message>
    <message>
        <source>The current model has training that is not saved. Open another model and discard it?</source>
        <translation>Das aktuelle Modell hat ungespeichertes Training. Ein anderes Modell öffnen und es verwerfen?</translation>
    </message>
    <message>
        <source>Unsaved model</source>
        <translation>Ungespeichertes Modell</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <source>Model: %1 (unsaved training)</source>
        <translation>Modell: %1 (ungespeichertes Training)</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Recent &amp;datasets</source>
        <translation>Zuletzt verwendete &amp;Datensätze</translation>
    </message>
    <message>
        <source>Recent &amp;models</source>
        <translation>Zuletzt verwendete &amp;Modelle</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Open dataset…</source>
        <translation>Datensatz ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Import a TSV or CSV file</source>
        <translation>Eine TSV- oder CSV-Datei importieren</translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation>&amp;Modell öffnen…</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Einen Hugging-Face-Modellordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Save model</source>
        <translation>Modell &amp;speichern</translation>
    </message>
    <message>
        <source>Save the model as a Hugging Face folder</source>
        <translation>Das Modell als Hugging-Face-Ordner speichern</translation>
    </message>
    <message>
        <source>Save model &amp;as…</source>
        <translation>Modell speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Start training</source>
        <translation>Training &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>A&amp;nhalten</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>&amp;Evaluieren</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>Hyperparameter</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;About BertBench</source>
        <translation>Über &amp;BertBench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <source>Delimited text (*.tsv *.csv *.txt);;All files (*)</source>
        <translation>Textdateien mit Trennzeichen (*.tsv *.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save model into folder</source>
        <translation>Modell in Ordner speichern</translation>
    </message>
    <message>
        <source>Adapting the encoder…</source>
        <translation>Encoder wird angepasst…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Training läuft…</translation>
    </message>
    <message>
        <source>Replace model</source>
        <translation>Modell ersetzen</translation>
    </message>
    <message>
        <source>%1 already holds a model. Replace it with this one?</source>
        <translation>%1 enthält bereits ein Modell. Durch dieses ersetzen?</translation>
    </message>
    <message>
        <source>This model predicts %1 classes (%2); the data has %3 (%4). Replace the classifier head? The new head starts untrained.</source>
        <translation>Dieses Modell sagt %1 Klassen vorher (%2); die Daten haben %3 (%4). Den Klassifikationskopf ersetzen? Der neue Kopf beginnt untrainiert.</translation>
    </message>
    <message>
        <source>Labels do not match</source>
        <translation>Labels passen nicht</translation>
    </message>
    <message>
        <source>Paused — Resume (Ctrl+P) continues from the same step</source>
        <translation>Pausiert — Fortsetzen (Strg+P) macht beim selben Schritt weiter</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Wird nach dem aktuellen Schritt angehalten …</translation>
    </message>
    <message>
        <source>The current model has training that is not saved. Load the sample and discard it?</source>
        <translation>Das aktuelle Modell hat ungespeichertes Training. Das Beispiel laden und das Training verwerfen?</translation>
    </message>
    <message>
        <source>Sample loaded with a new tiny model: press Start (Ctrl+R) to train it</source>
        <translation>Beispiel mit einem neuen tiny-Modell geladen: Starten (Strg+R) trainiert es</translation>
    </message>
    <message>
        <source>a new tiny model</source>
        <translation>ein neues tiny-Modell</translation>
    </message>
    <message>
        <source>a new %1 model (the last one was not saved)</source>
        <translation>ein neues %1-Modell (das letzte wurde nicht gespeichert)</translation>
    </message>
    <message>
        <source>Reopened %1 and %2 from the last session</source>
        <translation>%1 und %2 aus der letzten Sitzung wieder geöffnet</translation>
    </message>
    <message>
        <source>Check the columns in the preview, then press Import dataset</source>
        <translation>Prüfen Sie die Spalten in der Vorschau und klicken Sie dann auf „Datensatz importieren“</translation>
    </message>
    <message>
        <source>A run is training and its model is not saved. Stop the run and save the model before quitting?</source>
        <translation>Ein Lauf trainiert, und sein Modell ist nicht gespeichert. Den Lauf anhalten und das Modell vor dem Beenden speichern?</translation>
    </message>
    <message>
        <source>The model has training that is not saved. Save it before quitting?</source>
        <translation>Das Modell hat ungespeichertes Training. Vor dem Beenden speichern?</translation>
    </message>
    <message>
        <source>Stopping the run, then saving the model…</source>
        <translation>Der Lauf wird angehalten, dann wird das Modell gespeichert …</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
</context>
<context>
    <name>MinimalPairView</name>
    <message>
        <source>First:</source>
        <translation>Erster:</translation>
    </message>
    <message>
        <source>Second:</source>
        <translation>Zweiter:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Explain both</source>
        <translation>Beide erklären</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Erster</translation>
    </message>
    <message>
        <source>Second</source>
        <translation>Zweiter</translation>
    </message>
    <message>
        <source>Second − first</source>
        <translation>Zweiter − erster</translation>
    </message>
    <message>
        <source>Both explained for %1, the first sentence&apos;s class; one colour scale.</source>
        <translation>Beide erklärt für %1, die Klasse des ersten Satzes; eine Farbskala.</translation>
    </message>
    <message>
        <source>Explaining…</source>
        <translation>Wird erklärt…</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>Step %1 of %2 — loss %3</source>
        <translation>Schritt %1 von %2 – Verlust %3</translation>
    </message>
    <message>
        <source>Adaptation stopped; the model is unchanged.</source>
        <translation>Anpassung abgebrochen; das Modell ist unverändert.</translation>
    </message>
    <message>
        <source>Current model</source>
        <translation>Aktuelles Modell</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <source>Save as folder…</source>
        <translation>Als Ordner speichern…</translation>
    </message>
    <message>
        <source>New model from a size preset</source>
        <translation>Neues Modell aus einer Größenvorgabe</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>tiny: 2 layers, 128 hidden — trains in minutes on a CPU; base: the BERT paper&apos;s 12 layers</source>
        <translation>tiny: 2 Schichten, 128 versteckt – trainiert in Minuten auf einer CPU; base: die 12 Schichten des BERT-Papers</translation>
    </message>
    <message>
        <source>Vocabulary:</source>
        <translation>Vokabular:</translation>
    </message>
    <message>
        <source>bundled bert-base-uncased vocabulary</source>
        <translation>mitgeliefertes Vokabular bert-base-uncased</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Lowercase text (uncased vocabulary)</source>
        <translation>Text kleinschreiben (uncased-Vokabular)</translation>
    </message>
    <message>
        <source>Initialisation seed:</source>
        <translation>Seed der Initialisierung:</translation>
    </message>
    <message>
        <source>Create model</source>
        <translation>Modell erstellen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>Architektur:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>Schichten:</translation>
    </message>
    <message>
        <source>Hidden size:</source>
        <translation>Verborgene Größe:</translation>
    </message>
    <message>
        <source>Attention heads:</source>
        <translation>Attention-Heads:</translation>
    </message>
    <message>
        <source>Max length:</source>
        <translation>Max. Länge:</translation>
    </message>
    <message>
        <source>Vocabulary size:</source>
        <translation>Vokabulargröße:</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Parameter:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Loading notes (newly initialised or unused weights) appear here.</source>
        <translation>Hinweise beim Laden (neu initialisierte oder ungenutzte Gewichte) erscheinen hier.</translation>
    </message>
    <message>
        <source>Domain adaptation (optional)</source>
        <translation>Domänenanpassung (optional)</translation>
    </message>
    <message>
        <source>Continue masked-language-model pre-training on the dataset&apos;s sentences before fine-tuning. It teaches the encoder the domain&apos;s vocabulary; labels are not used.</source>
        <translation>Vor dem Feintuning das Masked-Language-Model-Vortraining auf den Sätzen des Datensatzes fortsetzen. Das bringt dem Encoder das Vokabular der Domäne bei; Labels werden nicht verwendet.</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Max steps (0 = all):</source>
        <translation>Max. Schritte (0 = alle):</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>Adapt encoder</source>
        <translation>Encoder anpassen</translation>
    </message>
    <message>
        <source>No model yet. Open a folder or create one from a preset.</source>
        <translation>Noch kein Modell. Öffnen Sie einen Ordner oder erstellen Sie eines aus einer Vorgabe.</translation>
    </message>
    <message>
        <source>%1 (feed-forward %2)</source>
        <translation>%1 (Feed-Forward %2)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>lowercased</source>
        <translation>kleingeschrieben</translation>
    </message>
    <message>
        <source>cased</source>
        <translation>mit Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <source>%1 (%2 trainable)</source>
        <translation>%1 (%2 trainierbar)</translation>
    </message>
    <message>
        <source>trained, not saved</source>
        <translation>trainiert, nicht gespeichert</translation>
    </message>
    <message>
        <source>as loaded</source>
        <translation>wie geladen</translation>
    </message>
    <message>
        <source>Vocabulary file</source>
        <translation>Vokabulardatei</translation>
    </message>
    <message>
        <source>Vocabulary (*.txt);;All files (*)</source>
        <translation>Vokabular (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte…</translation>
    </message>
    <message>
        <source>Done: the classifier now has the adapted encoder; its head and labels are unchanged.</source>
        <translation>Fertig: Der Klassifikator hat jetzt den angepassten Encoder; Kopf und Labels sind unverändert.</translation>
    </message>
    <message>
        <source>A Hugging Face folder (BERT, DistilBERT or RoBERTa) with config.json, its tokenizer (vocab.txt, or vocab.json and merges.txt, or tokenizer.json) and model.safetensors or pytorch_model.bin</source>
        <translation>Ein Hugging-Face-Ordner (BERT, DistilBERT oder RoBERTa) mit config.json, seinem Tokenizer (vocab.txt, oder vocab.json und merges.txt, oder tokenizer.json) und model.safetensors oder pytorch_model.bin</translation>
    </message>
    <message>
        <source>BERT; DistilBERT (half the layers, no token types); RoBERTa (needs a byte-level BPE tokenizer: choose a folder with vocab.json and merges.txt as its vocabulary)</source>
        <translation>BERT; DistilBERT (halb so viele Schichten, keine Token-Typen); RoBERTa (braucht einen Byte-Level-BPE-Tokenizer: als Vokabular einen Ordner mit vocab.json und merges.txt wählen)</translation>
    </message>
    <message>
        <source>A vocab.txt file, or a model folder whose tokenizer the new model takes</source>
        <translation>Eine vocab.txt-Datei oder ein Modellordner, dessen Tokenizer das neue Modell übernimmt</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>Familie:</translation>
    </message>
    <message>
        <source>%1, %2 tokenizer</source>
        <translation>%1, %2-Tokenizer</translation>
    </message>
    <message>
        <source>Folder with a tokenizer</source>
        <translation>Ordner mit einem Tokenizer</translation>
    </message>
    <message>
        <source>%1, not saved yet</source>
        <translation>%1, noch nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>OpenModelDialog</name>
    <message>
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>Models you already have: the BERT, DistilBERT and RoBERTa models in your Hugging Face cache, and the folders you opened or saved recently. BertBench never downloads; Browse… opens any other model folder.</source>
        <translation>Modelle, die Sie schon haben: die BERT-, DistilBERT- und RoBERTa-Modelle in Ihrem Hugging-Face-Cache und die Ordner, die Sie zuletzt geöffnet oder gespeichert haben. BertBench lädt nie etwas herunter; „Durchsuchen…“ öffnet jeden anderen Modellordner.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>In the Hugging Face cache</source>
        <translation>Im Hugging-Face-Cache</translation>
    </message>
    <message>
        <source>No cache folder found</source>
        <translation>Kein Cache-Ordner gefunden</translation>
    </message>
    <message>
        <source>classifier</source>
        <translation>Klassifikator</translation>
    </message>
    <message>
        <source>encoder / masked LM</source>
        <translation>Encoder / Masked LM</translation>
    </message>
    <message>
        <source>none found (transformers keeps downloads in ~/.cache/huggingface/hub)</source>
        <translation>keine gefunden (transformers legt Downloads in ~/.cache/huggingface/hub ab)</translation>
    </message>
    <message>
        <source>Recently used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Open model folder</source>
        <translation>Modellordner öffnen</translation>
    </message>
</context>
<context>
    <name>OptionSchema</name>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Data and hardware</source>
        <translation>Daten und Hardware</translation>
    </message>
    <message>
        <source>What is trained and kept</source>
        <translation>Was trainiert und behalten wird</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Passes over the training data. BERT&apos;s authors recommend 2–4 for fine-tuning; more overfits small datasets such as CoLA.</source>
        <translation>Durchläufe über die Trainingsdaten. Die BERT-Autoren empfehlen 2–4 fürs Feintuning; mehr führt bei kleinen Datensätzen wie CoLA zu Überanpassung.</translation>
    </message>
    <message>
        <source>max steps</source>
        <translation>max. Schritte</translation>
    </message>
    <message>
        <source>Stop after this many optimizer steps, overriding epochs. 0 trains for the full epochs; useful for quick trials.</source>
        <translation>Nach so vielen Optimierungsschritten anhalten, unabhängig von den Epochen. 0 trainiert alle Epochen; nützlich für schnelle Versuche.</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Examples per forward pass. 16 or 32 is the usual choice; larger batches need more memory.</source>
        <translation>Beispiele pro Vorwärtsdurchlauf. 16 oder 32 ist üblich; größere Batches brauchen mehr Speicher.</translation>
    </message>
    <message>
        <source>gradient accumulation</source>
        <translation>Gradientenakkumulation</translation>
    </message>
    <message>
        <source>Batches summed before each optimizer step: the effective batch is batch size × this, without the memory cost.</source>
        <translation>Batches, die vor jedem Optimierungsschritt summiert werden: Der effektive Batch ist Batchgröße × dieser Wert, ohne die Speicherkosten.</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Peak AdamW learning rate. Fine-tuning uses 2e-5 to 5e-5: large enough to adapt the classifier, small enough not to destroy what pre-training learned. LoRA tolerates about 10× more.</source>
        <translation>Höchste AdamW-Lernrate. Feintuning verwendet 2e-5 bis 5e-5: groß genug, um den Klassifikator anzupassen, klein genug, um das im Vortraining Gelernte nicht zu zerstören. LoRA verträgt etwa das Zehnfache.</translation>
    </message>
    <message>
        <source>classifier learning rate</source>
        <translation>Lernrate des Klassifikators</translation>
    </message>
    <message>
        <source>A separate rate for the new classifier and pooler, which start from random weights and may learn faster. 0 uses the learning rate.</source>
        <translation>Eine eigene Rate für den neuen Klassifikator und Pooler, die mit Zufallsgewichten beginnen und schneller lernen dürfen. 0 verwendet die Lernrate.</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>warmup ratio</source>
        <translation>Warmup-Anteil</translation>
    </message>
    <message>
        <source>Share of all steps during which the rate rises linearly from 0. Warmup (usually 10 %) keeps the first, noisy updates from wrecking pre-trained weights.</source>
        <translation>Anteil aller Schritte, in denen die Rate linear von 0 ansteigt. Warmup (meist 10 %) verhindert, dass die ersten, verrauschten Updates vortrainierte Gewichte ruinieren.</translation>
    </message>
    <message>
        <source>warmup steps</source>
        <translation>Warmup-Schritte</translation>
    </message>
    <message>
        <source>Exact number of warmup steps; overrides the ratio when 0 or more. -1 uses the ratio.</source>
        <translation>Genaue Zahl der Warmup-Schritte; ersetzt ab 0 den Anteil. -1 verwendet den Anteil.</translation>
    </message>
    <message>
        <source>use ratio</source>
        <translation>Anteil verwenden</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>How the rate falls after warmup: linearly to 0 (BERT&apos;s choice), not at all, or along a cosine.</source>
        <translation>Wie die Rate nach dem Warmup fällt: linear auf 0 (BERTs Wahl), gar nicht oder entlang eines Kosinus.</translation>
    </message>
    <message>
        <source>linear decay</source>
        <translation>linear fallend</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>konstant</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <source>AdamW&apos;s decoupled weight decay (0.01 in BERT), a mild regulariser; never applied to biases and LayerNorm weights.</source>
        <translation>Entkoppelter Weight Decay von AdamW (0,01 bei BERT), eine milde Regularisierung; nie auf Biases und LayerNorm-Gewichte angewandt.</translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <source>Decay of the running mean of gradients (momentum). 0.9 is standard.</source>
        <translation>Zerfall des gleitenden Mittels der Gradienten (Momentum). 0,9 ist Standard.</translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <source>Decay of the running mean of squared gradients. 0.999 is standard.</source>
        <translation>Zerfall des gleitenden Mittels der quadrierten Gradienten. 0,999 ist Standard.</translation>
    </message>
    <message>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <source>Added to the denominator for numerical stability. 1e-8 (BERT uses 1e-6 in some recipes).</source>
        <translation>Wird zur numerischen Stabilität zum Nenner addiert. 1e-8 (BERT verwendet in manchen Rezepten 1e-6).</translation>
    </message>
    <message>
        <source>max gradient norm</source>
        <translation>max. Gradientennorm</translation>
    </message>
    <message>
        <source>Gradients whose global L2 norm exceeds this are scaled down (clipping), which prevents rare huge updates. 0 disables it.</source>
        <translation>Gradienten, deren globale L2-Norm diesen Wert übersteigt, werden herunterskaliert (Clipping), was seltene riesige Updates verhindert. 0 schaltet es ab.</translation>
    </message>
    <message>
        <source>max length</source>
        <translation>max. Länge</translation>
    </message>
    <message>
        <source>Tokens per example including [CLS] and [SEP]; longer texts are truncated. Most CoLA sentences need fewer than 64.</source>
        <translation>Tokens pro Beispiel einschließlich [CLS] und [SEP]; längere Texte werden gekürzt. Die meisten CoLA-Sätze brauchen weniger als 64.</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>Padding</translation>
    </message>
    <message>
        <source>Dynamic pads each batch only to its longest example (much faster); max length pads every example to max length, as the classic notebook does.</source>
        <translation>Dynamisch füllt jeden Batch nur bis zu seinem längsten Beispiel auf (viel schneller); max. Länge füllt jedes Beispiel bis zur max. Länge auf, wie das klassische Notebook.</translation>
    </message>
    <message>
        <source>dynamic (per batch)</source>
        <translation>dynamisch (pro Batch)</translation>
    </message>
    <message>
        <source>max length (every example)</source>
        <translation>max. Länge (jedes Beispiel)</translation>
    </message>
    <message>
        <source>shuffle</source>
        <translation>Mischen</translation>
    </message>
    <message>
        <source>Bucketed groups examples of similar length into batches (less padding); random shuffles freely; none keeps file order.</source>
        <translation>Nach Länge gruppiert bildet Batches aus ähnlich langen Beispielen (weniger Padding); zufällig mischt frei; keine behält die Dateireihenfolge.</translation>
    </message>
    <message>
        <source>bucketed by length</source>
        <translation>nach Länge gruppiert</translation>
    </message>
    <message>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <source>none (file order)</source>
        <translation>keine (Dateireihenfolge)</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Seeds shuffling, dropout and new weights, so a run can be repeated exactly.</source>
        <translation>Initialisiert Mischen, Dropout und neue Gewichte, sodass ein Lauf exakt wiederholbar ist.</translation>
    </message>
    <message>
        <source>evaluation batch size</source>
        <translation>Batchgröße der Evaluierung</translation>
    </message>
    <message>
        <source>Batch size for validation and test; evaluation needs no gradients, so it can be larger.</source>
        <translation>Batchgröße für Validierung und Test; die Evaluierung braucht keine Gradienten und verträgt daher größere Batches.</translation>
    </message>
    <message>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Where training runs: cpu, cuda (the first GPU) or cuda:N.</source>
        <translation>Wo trainiert wird: cpu, cuda (die erste GPU) oder cuda:N.</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>Train in this many processes on this machine, each on its share of every batch, with the cores split between them (data parallelism). The results equal one process&apos;s at the same batch size; on machines with many cores, several processes of fewer threads each are often faster than one. A run resumes only with as many processes as it started with.</source>
        <translation>In so vielen Prozessen auf diesem Rechner trainieren, jeder mit seinem Anteil an jedem Batch, die Kerne zwischen ihnen aufgeteilt (Datenparallelität). Die Ergebnisse gleichen denen eines Prozesses bei gleicher Batchgröße; auf Rechnern mit vielen Kernen sind mehrere Prozesse mit je weniger Threads oft schneller als einer. Ein Lauf lässt sich nur mit so vielen Prozessen fortsetzen, wie er begonnen hat.</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Rechengenauigkeit</translation>
    </message>
    <message>
        <source>bf16 (bfloat16 mixed precision) computes the matrix products in bfloat16 and keeps the weights and optimizer state in float32: nearly twice as fast for large models such as BERT-base on CPUs with AVX512-BF16 and on recent GPUs (small models gain little), with losses that differ from float32 in the third digit. Evaluation stays in float32. Without native bfloat16 it is emulated and slower.</source>
        <translation>bf16 (bfloat16-Mischpräzision) rechnet die Matrixprodukte in bfloat16 und hält Gewichte und Optimiererzustand in float32: fast doppelt so schnell für große Modelle wie BERT-base auf CPUs mit AVX512-BF16 und auf neueren GPUs (kleine Modelle gewinnen wenig); die Verluste weichen von float32 in der dritten Stelle ab. Die Evaluation bleibt in float32. Ohne natives bfloat16 wird es emuliert und ist langsamer.</translation>
    </message>
    <message>
        <source>float32 (exact)</source>
        <translation>float32 (exakt)</translation>
    </message>
    <message>
        <source>bfloat16 mixed precision</source>
        <translation>bfloat16-Mischpräzision</translation>
    </message>
    <message>
        <source>activation checkpointing</source>
        <translation>Aktivierungs-Checkpointing</translation>
    </message>
    <message>
        <source>Keep only each layer&apos;s input during the forward pass and recompute the rest in the backward pass: much less memory for long inputs and large batches, for up to a third more time per step. The results are the same.</source>
        <translation>Während des Vorwärtsdurchlaufs nur die Eingabe jeder Schicht behalten und den Rest im Rückwärtsdurchlauf neu berechnen: viel weniger Speicher bei langen Eingaben und großen Batches, für bis zu ein Drittel mehr Zeit pro Schritt. Die Ergebnisse bleiben gleich.</translation>
    </message>
    <message>
        <source>gradual unfreezing</source>
        <translation>schrittweises Auftauen</translation>
    </message>
    <message>
        <source>Start with only the classifier trainable and unfreeze the encoder step by step (ULMFiT): layers unfreezes one more layer from the top every interval, down to the embeddings; head then all trains the head for one interval, then everything. Each newly unfrozen layer starts with a fresh optimizer state; the learning-rate chart marks each stage.</source>
        <translation>Zuerst nur den Klassifikator trainieren und den Encoder schrittweise auftauen (ULMFiT): „Schicht für Schicht“ taut in jedem Intervall eine weitere Schicht von oben auf, bis hinunter zu den Embeddings; „erst der Kopf, dann alles“ trainiert ein Intervall lang den Kopf, dann alles. Jede neu aufgetaute Schicht beginnt mit frischem Optimiererzustand; das Lernraten-Diagramm markiert jede Stufe.</translation>
    </message>
    <message>
        <source>one layer at a time, from the top</source>
        <translation>Schicht für Schicht, von oben</translation>
    </message>
    <message>
        <source>head first, then everything</source>
        <translation>erst der Kopf, dann alles</translation>
    </message>
    <message>
        <source>unfreezing interval</source>
        <translation>Auftau-Intervall</translation>
    </message>
    <message>
        <source>How long each stage of gradual unfreezing lasts, in the unit below.</source>
        <translation>Wie lange jede Stufe des schrittweisen Auftauens dauert, in der Einheit darunter.</translation>
    </message>
    <message>
        <source>unfreezing unit</source>
        <translation>Auftau-Einheit</translation>
    </message>
    <message>
        <source>Whether the unfreezing interval counts epochs or optimizer steps.</source>
        <translation>Ob das Auftau-Intervall Epochen oder Optimiererschritte zählt.</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>frozen layers</source>
        <translation>eingefrorene Schichten</translation>
    </message>
    <message>
        <source>Freeze the embeddings and the first K encoder layers: faster and less prone to overfitting, at some cost in accuracy.</source>
        <translation>Friert die Embeddings und die ersten K Encoder-Schichten ein: schneller und weniger anfällig für Überanpassung, auf Kosten etwas Genauigkeit.</translation>
    </message>
    <message>
        <source>train classifier only</source>
        <translation>nur Klassifikator trainieren</translation>
    </message>
    <message>
        <source>Keep the whole encoder fixed and train only the pooler and classifier — a quick baseline.</source>
        <translation>Hält den ganzen Encoder fest und trainiert nur Pooler und Klassifikator – eine schnelle Basislinie.</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA-Rang</translation>
    </message>
    <message>
        <source>Rank of the low-rank adapters added to the chosen projections; the original weights stay frozen. 0 disables LoRA; 4–16 is typical.</source>
        <translation>Rang der Low-Rank-Adapter an den gewählten Projektionen; die ursprünglichen Gewichte bleiben eingefroren. 0 schaltet LoRA ab; 4–16 ist üblich.</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>LoRA-Alpha</translation>
    </message>
    <message>
        <source>Scales the adapters&apos; output by alpha / rank; 2 × rank is a common choice.</source>
        <translation>Skaliert die Ausgabe der Adapter mit Alpha / Rang; 2 × Rang ist eine gängige Wahl.</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>LoRA-Dropout</translation>
    </message>
    <message>
        <source>Dropout on the adapters&apos; input, a regulariser for small datasets.</source>
        <translation>Dropout auf die Eingabe der Adapter, eine Regularisierung für kleine Datensätze.</translation>
    </message>
    <message>
        <source>LoRA targets</source>
        <translation>LoRA-Ziele</translation>
    </message>
    <message>
        <source>The projections that get adapters. Query and value, as in the LoRA paper, is usually enough. In DistilBERT they are q_lin, k_lin and v_lin; dense is out_lin, lin1 and lin2.</source>
        <translation>Die Projektionen, die Adapter erhalten. Query und Value, wie im LoRA-Paper, genügen meist. In DistilBERT heißen sie q_lin, k_lin und v_lin; dense steht für out_lin, lin1 und lin2.</translation>
    </message>
    <message>
        <source>best model by</source>
        <translation>bestes Modell nach</translation>
    </message>
    <message>
        <source>The validation metric that picks the checkpoint kept at the end. MCC is CoLA&apos;s official metric and robust to class imbalance.</source>
        <translation>Die Validierungsmetrik, die den am Ende behaltenen Checkpoint auswählt. MCC ist die offizielle CoLA-Metrik und robust gegen ungleiche Klassen.</translation>
    </message>
    <message>
        <source>MCC</source>
        <translation>MCC</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>macro F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>early stopping patience</source>
        <translation>Geduld für frühes Stoppen</translation>
    </message>
    <message>
        <source>Stop after this many evaluations without improvement of that metric. 0 never stops early.</source>
        <translation>Nach so vielen Evaluierungen ohne Verbesserung dieser Metrik anhalten. 0 stoppt nie früh.</translation>
    </message>
    <message>
        <source>checkpoint every (steps)</source>
        <translation>Checkpoint alle (Schritte)</translation>
    </message>
    <message>
        <source>Also write a resumable checkpoint every this many optimizer steps, not only at epoch ends. 0 does not count steps.</source>
        <translation>Zusätzlich alle so viele Optimiererschritte einen fortsetzbaren Checkpoint schreiben, nicht nur am Epochenende. 0 zählt keine Schritte.</translation>
    </message>
    <message>
        <source>checkpoint every (minutes)</source>
        <translation>Checkpoint alle (Minuten)</translation>
    </message>
    <message>
        <source>Also write a resumable checkpoint after this many minutes of training, so a crash or kill loses at most that much work. 0 does not count time.</source>
        <translation>Zusätzlich nach so vielen Trainingsminuten einen fortsetzbaren Checkpoint schreiben, damit ein Absturz oder Abbruch höchstens so viel Arbeit kostet. 0 zählt keine Zeit.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>attention probes</source>
        <translation>Attention-Testsätze</translation>
    </message>
    <message>
        <source>Up to 4 sentences, separated by |, whose attention in every layer and head is saved after every epoch, to follow how attention changes during training. Each is cut to 64 tokens (fewer in large models, so that each save stays under 1 MB). Empty uses the first 3 validation texts.</source>
        <translation>Bis zu 4 Sätze, getrennt durch |, deren Attention in jeder Schicht und jedem Head nach jeder Epoche gespeichert wird, um zu verfolgen, wie sich die Attention im Training ändert. Jeder wird auf 64 Tokens gekürzt (in großen Modellen auf weniger, damit jede Sicherung unter 1 MB bleibt). Leer nimmt die ersten 3 Validierungstexte.</translation>
    </message>
</context>
<context>
    <name>PredictPage</name>
    <message>
        <source>Sentence</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Type a sentence; the prediction follows as you type.</source>
        <translation>Geben Sie einen Satz ein; die Vorhersage folgt beim Tippen.</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Whole file (one sentence per line)</source>
        <translation>Ganze Datei (ein Satz pro Zeile)</translation>
    </message>
    <message>
        <source>Predict file…</source>
        <translation>Datei vorhersagen…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Prediction is paused while training runs.</source>
        <translation>Vorhersagen ruhen, während das Training läuft.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Acceptable — %1 %</source>
        <translation>Akzeptabel – %1 %</translation>
    </message>
    <message>
        <source>Unacceptable — %1 %</source>
        <translation>Nicht akzeptabel – %1 %</translation>
    </message>
    <message>
        <source>%1 — %2 %</source>
        <translation>%1 – %2 %</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s): </source>
        <translation>
            <numerusform>%n Token: </numerusform>
            <numerusform>%n Tokens: </numerusform>
        </translation>
    </message>
    <message>
        <source>Truncated from %1 tokens.</source>
        <translation>Gekürzt von %1 Tokens.</translation>
    </message>
    <message>
        <source>Predict a file</source>
        <translation>Eine Datei vorhersagen</translation>
    </message>
    <message>
        <source>Text files (*.txt *.tsv *.csv);;All files (*)</source>
        <translation>Textdateien (*.txt *.tsv *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export predictions</source>
        <translation>Vorhersagen exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>PredictionService</name>
    <message>
        <source>Predict</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Predict file %1</source>
        <translation>Datei %1 vorhersagen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the file holds no sentence</source>
        <translation>%1: Die Datei enthält keinen Satz</translation>
    </message>
</context>
<context>
    <name>PreviewTableModel</name>
    <message>
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>%1 (text)</source>
        <translation>%1 (Text)</translation>
    </message>
    <message>
        <source>%1 (second text)</source>
        <translation>%1 (zweiter Text)</translation>
    </message>
    <message>
        <source>%1 (label)</source>
        <translation>%1 (Label)</translation>
    </message>
</context>
<context>
    <name>RunCompareView</name>
    <message>
        <source>Smoothing %1</source>
        <translation>Glättung %1</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>Best validation: %1</source>
        <translation>Beste Validierung: %1</translation>
    </message>
    <message>
        <source>Final training loss</source>
        <translation>Letzter Trainingsverlust</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Training time (s)</source>
        <translation>Trainingszeit (s)</translation>
    </message>
    <message>
        <source>Samples/s</source>
        <translation>Beispiele/s</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Save comparison chart</source>
        <translation>Vergleichsdiagramm speichern</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>Save comparison curves</source>
        <translation>Vergleichskurven speichern</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>CSV speichern</translation>
    </message>
    <message>
        <source>Select runs in the table to compare them (Ctrl+click adds a run).</source>
        <translation>Wählen Sie Läufe in der Tabelle, um sie zu vergleichen (Strg+Klick fügt einen Lauf hinzu).</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) compared.</source>
        <translation>
            <numerusform>%n Lauf im Vergleich.</numerusform>
            <numerusform>%n Läufe im Vergleich.</numerusform>
        </translation>
    </message>
    <message>
        <source>Curve:</source>
        <translation>Kurve:</translation>
    </message>
    <message>
        <source>X axis:</source>
        <translation>X-Achse:</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Validation %1</source>
        <translation>Validierung: %1</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>Diagramm speichern …</translation>
    </message>
    <message>
        <source>The chart as PNG or SVG</source>
        <translation>Das Diagramm als PNG oder SVG</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>CSV speichern …</translation>
    </message>
    <message>
        <source>The curves as shown (aligned and smoothed), one column per run</source>
        <translation>Die Kurven wie angezeigt (ausgerichtet und geglättet), eine Spalte je Lauf</translation>
    </message>
    <message>
        <source>Only options that differ</source>
        <translation>Nur Optionen, die sich unterscheiden</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>MCC</source>
        <translation>MCC</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>%1
content hash %2</source>
        <translation>%1
Inhalts-Hash %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Best validation</source>
        <translation>Beste Validierung</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>Letzter Verlust</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>Trainingszeit</translation>
    </message>
    <message>
        <source>Samples/s</source>
        <translation>Beispiele/s</translation>
    </message>
</context>
<context>
    <name>RunsPage</name>
    <message>
        <source>Runs folder</source>
        <translation>Ordner der Läufe</translation>
    </message>
    <message>
        <source>A run is training; experiments start when it has ended.</source>
        <translation>Ein Lauf trainiert gerade; Experimente starten, wenn er beendet ist.</translation>
    </message>
    <message>
        <source>An experiment is running.</source>
        <translation>Ein Experiment läuft.</translation>
    </message>
    <message>
        <source>the run %1</source>
        <translation>dem Lauf %1</translation>
    </message>
    <message>
        <source>Import a dataset and open or create a model first, or select a run to sweep around.</source>
        <translation>Importieren Sie zuerst einen Datensatz und öffnen oder erstellen Sie ein Modell, oder wählen Sie einen Lauf als Ausgangspunkt des Sweeps.</translation>
    </message>
    <message>
        <source>The model has training that is not saved, so the sweep&apos;s runs could not start from it. Save it first, or select a run to sweep around.</source>
        <translation>Das Modell hat ungespeichertes Training, daher könnten die Läufe des Sweeps nicht von ihm ausgehen. Speichern Sie es zuerst, oder wählen Sie einen Lauf als Ausgangspunkt.</translation>
    </message>
    <message>
        <source>the current model and data with the Hyperparameters page&apos;s options</source>
        <translation>dem aktuellen Modell und den aktuellen Daten mit den Optionen der Seite Hyperparameter</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation>Ordner der Läufe:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Reproduce</source>
        <translation>Reproduzieren</translation>
    </message>
    <message>
        <source>Train the selected run again with identical options and data, and check that its loss curve matches bit for bit</source>
        <translation>Den gewählten Lauf mit identischen Optionen und Daten erneut trainieren und prüfen, ob seine Verlustkurve Bit für Bit übereinstimmt</translation>
    </message>
    <message>
        <source>Repeat with 3 seeds</source>
        <translation>Mit 3 Seeds wiederholen</translation>
    </message>
    <message>
        <source>Train the selected run three more times with other seeds, and show the mean and spread of its metric: fine-tuning on small data varies a lot between seeds</source>
        <translation>Den gewählten Lauf dreimal mit anderen Seeds trainieren und Mittelwert und Streuung seiner Metrik zeigen: Fine-Tuning auf kleinen Daten schwankt stark zwischen Seeds</translation>
    </message>
    <message>
        <source>New sweep…</source>
        <translation>Neuer Sweep …</translation>
    </message>
    <message>
        <source>Train once per combination of option values, from the selected run or from the current model, data and Hyperparameters page</source>
        <translation>Einmal je Kombination von Optionswerten trainieren, ausgehend vom gewählten Lauf oder vom aktuellen Modell, den Daten und der Seite Hyperparameter</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>Befehl: %1</translation>
    </message>
    <message>
        <source>Runtime: %1</source>
        <translation>Laufzeitumgebung: %1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
</context>
<context>
    <name>SweepDialog</name>
    <message>
        <source>New sweep</source>
        <translation>Neuer Sweep</translation>
    </message>
    <message>
        <source>Every run of the sweep starts from %1 with the options below; tick what to vary and list its values, separated by commas.</source>
        <translation>Jeder Lauf des Sweeps beginnt mit %1 und den Optionen unten; kreuzen Sie an, was variiert werden soll, und geben Sie die Werte durch Kommas getrennt an.</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>Variieren</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Every combination (grid)</source>
        <translation>Jede Kombination (Raster)</translation>
    </message>
    <message>
        <source>Combinations drawn at random:</source>
        <translation>Zufällig gezogene Kombinationen:</translation>
    </message>
    <message>
        <source> runs</source>
        <translation> Läufe</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>Seed </translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Folder for the sweep</source>
        <translation>Ordner für den Sweep</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Start sweep</source>
        <translation>Sweep starten</translation>
    </message>
    <message>
        <source>Tick at least one option to vary.</source>
        <translation>Kreuzen Sie mindestens eine Option zum Variieren an.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), one after the other. A stopped sweep continues from its last unfinished run when started again with the same folder.</source>
        <translation>
            <numerusform>%n Lauf, einer nach dem anderen. Ein angehaltener Sweep macht beim letzten unfertigen Lauf weiter, wenn er mit demselben Ordner erneut gestartet wird.</numerusform>
            <numerusform>%n Läufe, einer nach dem anderen. Ein angehaltener Sweep macht beim letzten unfertigen Lauf weiter, wenn er mit demselben Ordner erneut gestartet wird.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenScoresStrip</name>
    <message>
        <source>The sentence&apos;s tokens appear here, shaded by score.</source>
        <translation>Hier erscheinen die Tokens des Satzes, nach ihrem Wert eingefärbt.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Train the current model with the Hyperparameters page&apos;s options (Ctrl+R)</source>
        <translation>Das aktuelle Modell mit den Optionen der Hyperparameter-Seite trainieren (Strg+R)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Resume the stopped run from its checkpoint</source>
        <translation>Den angehaltenen Lauf ab seinem Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Processes:</source>
        <translation>&amp;Prozesse:</translation>
    </message>
    <message>
        <source>Train in this many processes on this machine, each on its share of every batch, with the cores split between them (data parallelism). 1 is one process with every core.</source>
        <translation>In so vielen Prozessen auf diesem Rechner trainieren, jeder mit seinem Anteil an jedem Batch, die Kerne zwischen ihnen aufgeteilt (Datenparallelität). 1 ist ein Prozess mit allen Kernen.</translation>
    </message>
    <message>
        <source>Charts as PNG…</source>
        <translation>Diagramme als PNG…</translation>
    </message>
    <message>
        <source>Metrics as CSV…</source>
        <translation>Metriken als CSV…</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Training %1 steps; %2 trainable parameters. Run folder: %3</source>
        <translation>Trainiere %1 Schritte; %2 trainierbare Parameter. Laufordner: %3</translation>
    </message>
    <message>
        <source>%p % — step %1 of %2</source>
        <translation>%p % – Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Epoch %1 · loss %2</source>
        <translation>Epoche %1 · Verlust %2</translation>
    </message>
    <message>
        <source>ETA %1 (elapsed %2)</source>
        <translation>Restzeit %1 (vergangen %2)</translation>
    </message>
    <message>
        <source>%1 samples/s</source>
        <translation>%1 Beispiele/s</translation>
    </message>
    <message>
        <source>%1 after epoch %2: accuracy %3, MCC %4, macro F1 %5, loss %6%7</source>
        <translation>%1 nach Epoche %2: Genauigkeit %3, MCC %4, Makro-F1 %5, Verlust %6%7</translation>
    </message>
    <message>
        <source> (best so far)</source>
        <translation> (bisher am besten)</translation>
    </message>
    <message>
        <source>Best MCC %1 at step %2</source>
        <translation>Bester MCC %1 bei Schritt %2</translation>
    </message>
    <message>
        <source>Finished after %1 steps%2. The model now holds the best weights; save it on the Model page.</source>
        <translation>Fertig nach %1 Schritten%2. Das Modell enthält jetzt die besten Gewichte; speichern Sie es auf der Modellseite.</translation>
    </message>
    <message>
        <source> (stopped early)</source>
        <translation> (früh gestoppt)</translation>
    </message>
    <message>
        <source>Stopped after %1 steps. A checkpoint was kept; Continue resumes the run.</source>
        <translation>Angehalten nach %1 Schritten. Ein Checkpoint bleibt erhalten; „Weiter“ setzt den Lauf fort.</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>Training anhalten</translation>
    </message>
    <message>
        <source>The run has trained %1 epochs. Stop it now? Continue can resume it later.</source>
        <translation>Der Lauf hat %1 Epochen trainiert. Jetzt anhalten? „Weiter“ kann ihn später fortsetzen.</translation>
    </message>
    <message>
        <source>Stop after the current step; a checkpoint is kept so the run can continue (Shift+F5)</source>
        <translation>Nach dem aktuellen Schritt anhalten; ein Checkpoint bleibt erhalten, sodass der Lauf weitergehen kann (Umschalt+F5)</translation>
    </message>
    <message>
        <source>MCC near 0: the model does no better than always answering the most common class. A new model starts from random weights and cannot learn grammar from a few thousand sentences; fine-tune a pretrained model (Open model… — e.g. bert-base-uncased from your Hugging Face cache) or try the topic sample.</source>
        <translation>MCC nahe 0: Das Modell ist nicht besser, als immer die häufigste Klasse zu antworten. Ein neues Modell beginnt mit Zufallsgewichten und kann aus ein paar tausend Sätzen keine Grammatik lernen; stimmen Sie ein vortrainiertes Modell ab (Modell öffnen … — z. B. bert-base-uncased aus Ihrem Hugging-Face-Cache) oder probieren Sie das Themenbeispiel.</translation>
    </message>
    <message>
        <source>MCC near 0: the model does no better than always answering the most common class. Try more epochs, a different learning rate, or check that the label column is right.</source>
        <translation>MCC nahe 0: Das Modell ist nicht besser, als immer die häufigste Klasse zu antworten. Versuchen Sie mehr Epochen, eine andere Lernrate, oder prüfen Sie, ob die Label-Spalte stimmt.</translation>
    </message>
</context>
<context>
    <name>TrainingAttentionView</name>
    <message>
        <source>This run has no attention snapshots: it stopped before its first evaluation, or was trained before runs kept them.</source>
        <translation>Dieser Lauf hat keine Attention-Aufnahmen: Er endete vor seiner ersten Evaluierung oder wurde trainiert, bevor Läufe sie speicherten.</translation>
    </message>
    <message>
        <source>Train a model, or open a run folder: each evaluation stores the attention of a few probe sentences.</source>
        <translation>Trainieren Sie ein Modell oder öffnen Sie einen Laufordner: Jede Evaluierung speichert die Attention einiger Testsätze.</translation>
    </message>
    <message>
        <source>Run: %1</source>
        <translation>Lauf: %1</translation>
    </message>
    <message>
        <source>Open run folder…</source>
        <translation>Laufordner öffnen…</translation>
    </message>
    <message>
        <source>Probe:</source>
        <translation>Testsatz:</translation>
    </message>
    <message>
        <source>Open run folder</source>
        <translation>Laufordner öffnen</translation>
    </message>
    <message>
        <source>Step %1, epoch %2 (%3 of %4)</source>
        <translation>Schritt %1, Epoche %2 (%3 von %4)</translation>
    </message>
</context>
<context>
    <name>TrainingChartsPlot</name>
    <message>
        <source>unfrozen</source>
        <translation>aufgetaut</translation>
    </message>
    <message>
        <source>Training loss per step</source>
        <translation>Trainingsverlust pro Schritt</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Validation per epoch</source>
        <translation>Validierung pro Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>geglättet</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>MCC</source>
        <translation>MCC</translation>
    </message>
    <message>
        <source>macro F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>Import a dataset first (Data page).</source>
        <translation>Importieren Sie zuerst einen Datensatz (Datenseite).</translation>
    </message>
    <message>
        <source>Open or create a model first (Model page).</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Modell (Modellseite).</translation>
    </message>
</context>
<context>
    <name>TrainingPresets</name>
    <message>
        <source>Classic notebook</source>
        <translation>Klassisches Notebook</translation>
    </message>
    <message>
        <source>Fast CPU</source>
        <translation>Schnell auf CPU</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>The BERT CoLA notebook: batch 32, learning rate 2e-5, 4 epochs, every example padded to max length, random shuffling.</source>
        <translation>Das BERT-CoLA-Notebook: Batch 32, Lernrate 2e-5, 4 Epochen, jedes Beispiel auf max. Länge aufgefüllt, zufällig gemischt.</translation>
    </message>
    <message>
        <source>Dynamic padding with length buckets, max length 64, batch 32, learning rate 5e-5, 3 epochs: several times faster on a CPU.</source>
        <translation>Dynamisches Padding mit Längengruppen, max. Länge 64, Batch 32, Lernrate 5e-5, 3 Epochen: auf einer CPU um ein Mehrfaches schneller.</translation>
    </message>
    <message>
        <source>Low-rank adapters (rank 8, alpha 16) on query and value with learning rate 5e-4: few trainable weights, small checkpoints.</source>
        <translation>Low-Rank-Adapter (Rang 8, Alpha 16) auf Query und Value mit Lernrate 5e-4: wenige trainierbare Gewichte, kleine Checkpoints.</translation>
    </message>
    <message>
        <source>New model</source>
        <translation>Neues Modell</translation>
    </message>
    <message>
        <source>For a model created from random weights: the Fast CPU settings with learning rate 5e-4, ten times the fine-tuning rate, because nothing pre-trained needs protecting.</source>
        <translation>Für ein Modell aus Zufallsgewichten: die Einstellungen „Schnell auf CPU“ mit Lernrate 5e-4, dem Zehnfachen der Feinabstimmungsrate, weil nichts Vortrainiertes geschützt werden muss.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to BertBench</source>
        <translation>Willkommen bei BertBench</translation>
    </message>
    <message>
        <source>Fine-tune BERT-family models on your own labelled text: import a dataset, train, then see what the model predicts and where its attention goes. Start with a sample:</source>
        <translation>Stimmen Sie Modelle der BERT-Familie auf Ihre eigenen gelabelten Texte ab: Datensatz importieren, trainieren, dann sehen, was das Modell vorhersagt und wohin seine Aufmerksamkeit geht. Beginnen Sie mit einem Beispiel:</translation>
    </message>
    <message>
        <source>Try topic classification with a new model</source>
        <translation>Themenklassifikation mit einem neuen Modell ausprobieren</translation>
    </message>
    <message>
        <source>AG News: 7,600 news articles in four topics (World, Sports, Business, Sci/Tech). A new tiny model learns them from the words they use — about 85 % accuracy in a minute or two on a laptop&apos;s CPU.</source>
        <translation>AG News: 7.600 Nachrichtenartikel in vier Themen (World, Sports, Business, Sci/Tech). Ein neues tiny-Modell lernt sie aus den verwendeten Wörtern — etwa 85 % Genauigkeit in ein bis zwei Minuten auf der CPU eines Laptops.</translation>
    </message>
    <message>
        <source>Fine-tune a pretrained BERT on CoLA — bring bert-base-uncased</source>
        <translation>Ein vortrainiertes BERT auf CoLA abstimmen — bert-base-uncased mitbringen</translation>
    </message>
    <message>
        <source>CoLA: 8,551 sentences judged grammatical or not. Judging grammar takes a model that has read a lot of English. No BERT model was found in the Hugging Face cache, so this starts with a new model — see below how to bring one.</source>
        <translation>CoLA: 8.551 Sätze, als grammatisch oder nicht beurteilt. Grammatik zu beurteilen erfordert ein Modell, das viel Englisch gelesen hat. Im Hugging-Face-Cache wurde kein BERT-Modell gefunden, daher beginnt dies mit einem neuen Modell — unten steht, wie Sie eines mitbringen.</translation>
    </message>
    <message>
        <source>CoLA: 8,551 sentences judged grammatical or not. Uses %1 from your Hugging Face cache; BERT-base reaches an MCC of about 0.55 here.</source>
        <translation>CoLA: 8.551 Sätze, als grammatisch oder nicht beurteilt. Verwendet %1 aus Ihrem Hugging-Face-Cache; BERT-base erreicht hier einen MCC von etwa 0,55.</translation>
    </message>
    <message>
        <source>Open your own dataset…</source>
        <translation>Eigenen Datensatz öffnen …</translation>
    </message>
    <message>
        <source>A TSV or CSV file with a text and a label column. You check the columns in a preview before anything is imported.</source>
        <translation>Eine TSV- oder CSV-Datei mit einer Text- und einer Label-Spalte. Sie prüfen die Spalten in einer Vorschau, bevor etwas importiert wird.</translation>
    </message>
    <message>
        <source>New model or pretrained model?</source>
        <translation>Neues oder vortrainiertes Modell?</translation>
    </message>
    <message>
        <source>&lt;p&gt;A &lt;b&gt;new model&lt;/b&gt; starts from random weights and knows no language. It can learn which words go with a topic, but not grammar: on CoLA it ends up always answering the more common class. That is an &lt;b&gt;MCC of 0&lt;/b&gt; — no better than chance — however high its accuracy looks.&lt;/p&gt;&lt;p&gt;A &lt;b&gt;pretrained model&lt;/b&gt; such as &lt;i&gt;bert-base-uncased&lt;/i&gt; has read billions of words; fine-tuning adapts that knowledge to your labels. BertBench never downloads anything. If you have used &lt;code&gt;transformers&lt;/code&gt;, the model is probably in your Hugging Face cache already and appears under &lt;i&gt;Open model&lt;/i&gt;. Otherwise fetch it once with&lt;br&gt;&lt;code&gt;python3 -c &quot;from transformers import AutoModel, AutoTokenizer; AutoTokenizer.from_pretrained(&apos;bert-base-uncased&apos;); AutoModel.from_pretrained(&apos;bert-base-uncased&apos;)&quot;&lt;/code&gt;&lt;br&gt;or download its folder (config.json, model.safetensors, vocab.txt) from &lt;a href=&quot;https://huggingface.co/bert-base-uncased&quot;&gt;huggingface.co/bert-base-uncased&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein &lt;b&gt;neues Modell&lt;/b&gt; beginnt mit Zufallsgewichten und kennt keine Sprache. Es kann lernen, welche Wörter zu einem Thema gehören, aber keine Grammatik: Auf CoLA antwortet es am Ende immer mit der häufigeren Klasse. Das ist ein &lt;b&gt;MCC von 0&lt;/b&gt; — nicht besser als Zufall —, so hoch die Genauigkeit auch aussieht.&lt;/p&gt;&lt;p&gt;Ein &lt;b&gt;vortrainiertes Modell&lt;/b&gt; wie &lt;i&gt;bert-base-uncased&lt;/i&gt; hat Milliarden Wörter gelesen; die Feinabstimmung passt dieses Wissen an Ihre Labels an. BertBench lädt nie etwas herunter. Wenn Sie &lt;code&gt;transformers&lt;/code&gt; verwendet haben, liegt das Modell wahrscheinlich schon in Ihrem Hugging-Face-Cache und erscheint unter &lt;i&gt;Modell öffnen&lt;/i&gt;. Sonst holen Sie es einmal mit&lt;br&gt;&lt;code&gt;python3 -c &quot;from transformers import AutoModel, AutoTokenizer; AutoTokenizer.from_pretrained(&apos;bert-base-uncased&apos;); AutoModel.from_pretrained(&apos;bert-base-uncased&apos;)&quot;&lt;/code&gt;&lt;br&gt;oder laden seinen Ordner (config.json, model.safetensors, vocab.txt) von &lt;a href=&quot;https://huggingface.co/bert-base-uncased&quot;&gt;huggingface.co/bert-base-uncased&lt;/a&gt; herunter.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>WorkbenchSession</name>
    <message>
        <source>Model saved to %1</source>
        <translation>Modell gespeichert in %1</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importiere %1…</translation>
    </message>
    <message>
        <source>Importing holdout %1…</source>
        <translation>Importiere Holdout %1…</translation>
    </message>
    <message>
        <source>Opening model %1…</source>
        <translation>Öffne Modell %1…</translation>
    </message>
    <message>
        <source>Creating a %1 model…</source>
        <translation>Erstelle ein %1-Modell…</translation>
    </message>
    <message>
        <source>Evaluating on %1…</source>
        <translation>Evaluiere auf %1…</translation>
    </message>
    <message numerus="yes">
        <source>Holdout: %n example(s) from %1</source>
        <translation>
            <numerusform>Holdout: %n Beispiel aus %1</numerusform>
            <numerusform>Holdout: %n Beispiele aus %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n example(s) from %1</source>
        <translation>
            <numerusform>%n Beispiel aus %1 importiert</numerusform>
            <numerusform>%n Beispiele aus %1 importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Model ready: %1</source>
        <translation>Modell bereit: %1</translation>
    </message>
    <message>
        <source>Evaluated on %1</source>
        <translation>Evaluiert auf %1</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Open model %1</source>
        <translation>Modell %1 öffnen</translation>
    </message>
    <message>
        <source>The current model has training that is not saved. Open another model and discard it?</source>
        <translation>Das aktuelle Modell hat ungespeichertes Training. Ein anderes Modell öffnen und es verwerfen?</translation>
    </message>
    <message>
        <source>Create model</source>
        <translation>Modell erstellen</translation>
    </message>
    <message>
        <source>The current model has training that is not saved. Create a new model and discard it?</source>
        <translation>Das aktuelle Modell hat ungespeichertes Training. Ein neues Modell erstellen und es verwerfen?</translation>
    </message>
    <message>
        <source>Save model to %1</source>
        <translation>Modell in %1 speichern</translation>
    </message>
    <message>
        <source>Evaluate on %1</source>
        <translation>Auf %1 evaluieren</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
</context>
<context>
    <name>WorkbenchTypes</name>
    <message>
        <source>new %1 model</source>
        <translation>neues %1-Modell</translation>
    </message>
</context>
</TS>
