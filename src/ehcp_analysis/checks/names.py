"""A hand-built list of common first names, used only to spot another child's name pasted into a plan."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FIRST_NAMES: frozenset[str] = _words(
    """
    aaliyah aaron abbie abby abdul abdullah abigail ada adam adele aden aditya adrian agnes ahmed aidan aiden aimee
    aisha alan alana albert albie aled alesha alex alexa alexander alexandra alfie alfred ali alice alicia alina
    alisha alison amani amara amaya amber ameena amelia amelie amina amir amira amit amos amy ana anais andre andrew
    andy aneurin angel angela angus anika anisa anna annabel annabelle anne annie annika anthony anya archie ari
    aria ariana arjun arlo arran arthur arya asa asher ashley ashton aston aubrey aurora austin ava axel ayaan
    ayesha ayla aylin ayo bailey bea beatrice beau bella ben benjamin bethan bethany bianca bilal billy blake
    blessing bobby bodhi bonnie bradley brandon brody brooke bruno bryony caitlin caleb callum calvin cameron carl
    caroline carter carys casey cassie cecily celine cerys chanel charles charley charlie charlotte chelsea chester
    chloe chris christopher cian ciara clara clementine cody cole connor conor cora corey cormac courtney craig
    daisy dalia damian dan dana daniel daniela danny darcey darcie darcy darius david dawud deacon dean declan demi
    denis dev devon dexter dhruv diana dominic dora douglas duncan dylan eden edie edward efe eileen eilidh eleanor
    elena eleni eli eliana elijah elin elise eliza elizabeth ella ellie elliot elliott ellis elodie eloise elsa
    elsie elyas emeka emilia emily emma emre enzo eric erin ernie esme esther ethan ettie eva evan eve evelyn evie
    ewan ezra fabian faith farah fatima faye felix fern fiadh finlay finley finn finnley fletcher florence flynn
    frances francesca francis frankie freddie frederick freya gabriel gabriella gareth george georgia gethin gianna
    gideon grace gracie grayson greta gwen habib hadley hafsa hajra halle hamish hamza hana hanna hannah harley
    harlow harper harriet harris harrison harry haruto harvey hassan hattie hayden hayley hazel hector heidi helena
    henry hollie holly honey hope hudson hugh hugo ibrahim ida idris ifeoma ilyas imani imogen inaya indie ines ioan
    iqra iris isaac isabel isabella isabelle isaiah isla isobel ivan ivo ivy izzy jack jackson jacob jade jaden jago
    jake jamal james jamie jared jasmine jasper jax jay jayden jenson jess jesse jessica jocelyn jodie joe joel joey
    john jonah jonathan jordan joseph josh joshua josie jovan jude julia juliet junaid justin kacper kai kaia
    kaitlyn kamil kara karim kasim katie katy kayden kayla keeley keira kenzie kezia khadija kian kieran kit kofi
    konrad kyle kyra lacey lachlan laila lana lara lars layla lea leah leila lena leo leon leonardo leonie levi
    lewis lexi lexie liam libby lilah lilia lilly lily lina lincoln logan lola lorcan lorenzo lottie louie louis
    louisa louise lucas lucia lucian lucy luis luka luke luna lyla macie macy maddison madison mae mahnoor maisie
    maisy malachi malik manon marcel marcus margot maria mariam mariana mark marley marlon martha mason mateo
    matilda matthew matthias max maximilian maya maysa mckenzie megan melody mercy mia michael mika mila milena
    miles millie milo mina miriam mohamed mohammad mohammed molly monty morgan muhammad myla nadia nadine naia nala
    nancy naomi nasir nate nathan nathaniel ned nell nevaeh nia niamh nicholas nico nikola nina noah noor nora nuala
    nya nyla oakley ocean odin olive oliver olivia ollie olly omar omari orion orla oscar oskar otis ottilie owen
    pablo paige paris parker patrick penelope penny percy peter petra phoebe piper pippa poppy priya quinn rafael
    rafe raheem ralph rania raphael raya reece reggie remi rhea rhiannon rhys ria rico riley rina riya robert robin
    roisin roman romeo ronan ronnie rory rosa rose rosie rowan roxy ruben ruby rufus rupert ryan ryder saanvi
    sabrina sadia sadie safa sam samantha sami samira samuel sana saoirse sara sarah sasha scarlett sebastian seren
    seth shay siena sienna sion skye sofia solomon sonny sophia sophie spencer stanley stella stevie sufyan summer
    sylvie tamar tara tariq tate taylor teddy tegan tess tessa thea theo theodore thomas tia tiana tilly timothy
    tobias toby tom tomas tomasz tommy troy tyler tyra umar uriel valentina vanessa vera victoria vinnie violet
    vivienne william willow wren wyatt xavier yara yasmin yasmine yousef yusra yusuf zac zach zachary zahra zain
    zainab zak zaki zane zara zayan zayn zeynep ziggy zion zoe zofia zoya
    """
)
