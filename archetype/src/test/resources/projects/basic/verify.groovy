// The archetype's integration test (maven-archetype-plugin's integration-test goal, run by `mvn verify`
// of the repository) generates this folder's project from archetype.properties into
// project/generated-app, runs the goals of goal.txt on it, then this script (`basedir` is this folder).
// goal.txt only asks for `--version`: any real goal would need the webthreads BOM and artifacts in the
// local repository, which `mvn verify` does not install. Building and testing the generated project
// against the installed artifacts is .ci/check-archetype.sh's job (after `mvn install`); here, with
// nothing installed: every template rendered, nothing of Velocity or of the archetype left over.
def project = new File(basedir as String, "project/generated-app")
def fail = { String why -> throw new AssertionError("generated project " + project + ": " + why) }

def expected = [
    'pom.xml', 'README.md', '.gitignore', 'src/main/webapp/index.html',
    'src/main/java/org/example/generated/app/Mandelbrot.java',
    'src/main/java/org/example/generated/app/MandelbrotView.java',
    'src/main/java/org/example/generated/app/MandelbrotTasks.java',
    'src/main/java/org/example/generated/app/MandelbrotPage.java',
    'src/main/java/org/example/generated/app/InteriorCountTask.java',
    'src/main/java/org/example/generated/app/PageView.java',
    'src/test/java/org/example/generated/app/MandelbrotTasksTest.java',
    'src/test/java/org/example/generated/app/MandelbrotPageTest.java',
]
expected.each { if (!new File(project, it).isFile()) fail("has no " + it) }

def sources = []
project.eachFileRecurse { if (it.isFile() && it.name != 'build.log') sources << it }
sources.each { file ->
  def text = file.getText('UTF-8')
  ['${package}', '${groupId}', '${artifactId}', '${webthreadsVersion}', '${dollar}', '#set', '__packageInPathFormat__'].each {
    if (text.contains(it)) fail(file.name + " still holds the template text " + it)
  }
  if (file.name.endsWith('.java') && !text.startsWith('package org.example.generated.app;')) {
    fail(file.name + " is not in package org.example.generated.app")
  }
}

def pom = new File(project, 'pom.xml').getText('UTF-8')
if (!pom.startsWith('<?xml')) fail("pom.xml does not start with its XML declaration")
def document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new ByteArrayInputStream(pom.getBytes('UTF-8')))     // also proves the pom is well-formed XML
def first = { String tag -> document.getElementsByTagName(tag).item(0)?.textContent }
if (first('groupId') != 'org.example.generated' || first('artifactId') != 'generated-app') {
  fail("pom.xml has the coordinates " + first('groupId') + ":" + first('artifactId'))
}
def version = first('webthreads.version')
if (!(version ==~ /\d+\.\d+\.\d+(-SNAPSHOT)?/)) fail("webthreads.version is '" + version + "', not the archetype's version")
if (first('teavm.version') != '0.15.0') fail("teavm.version is not 0.15.0")
if (!pom.contains('<webapp.dir>${project.build.directory}/webapp</webapp.dir>')) fail("pom.xml lost a Maven property")

def readme = new File(project, 'README.md').getText('UTF-8')
['mvn package webthreads:serve', 'mvn verify', 'docs/guide.md', 'docs/hosting.md'].each {
  if (!readme.contains(it)) fail("README.md lacks " + it)
}
if (!readme.startsWith('generated-app\n')) fail("README.md does not start with the project's name")
println "verify.groovy: the generated project " + project.name + " is complete (webthreads " + version + ")"
return true
